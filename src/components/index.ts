// The components policies can use in MDX: `import { SayThis } from '../../src/components/index.ts';`
export { default as EscalationLadder } from './escalation-ladder.astro';
export { default as KpiDefinition } from './kpi-definition.astro';
export { default as SayThis } from './say-this.astro';
export { default as Scenario } from './scenario.astro';
export { default as ServiceStandard } from './service-standard.astro';
export { default as ServiceStandards } from './service-standards.astro';
