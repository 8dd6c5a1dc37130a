// The components a handbook's MDX pages use: `import { SayThis } from 'plainbook/components';`
export { default as DueForReview } from './due-for-review.astro';
export { default as EscalationLadder } from './escalation-ladder.astro';
export { default as GoalsTrace } from './goals-trace.astro';
export { default as KpiDefinition } from './kpi-definition.astro';
export { default as RecentChanges } from './recent-changes.astro';
export { default as SayThis } from './say-this.astro';
export { default as Scenario } from './scenario.astro';
export { default as SectionList } from './section-list.astro';
export { default as ServiceStandard } from './service-standard.astro';
export { default as ServiceStandards } from './service-standards.astro';
export { default as TrainingPack } from './training-pack.astro';
export { default as WhatChanged } from './what-changed.astro';
