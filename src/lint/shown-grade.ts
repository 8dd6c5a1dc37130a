/** A grade as every report prints it, one decimal; rules compare this value, not the raw one. */
export function shownGrade(grade: number): number {
  return Math.round(grade * 10) / 10;
}

export function formatGrade(grade: number): string {
  return shownGrade(grade).toFixed(1);
}
