/** One measured figure of `npm run bench`, with its goal; `met` is computed, never typed in. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** e.g. '<= 16'. */
  goal: string;
  met: boolean;
}

export function figure(name: string, value: number, unit: string, goal: { max?: number; min?: number }): Figure {
  const rounded = Math.round(value * 100) / 100;
  const text = goal.max !== undefined ? `<= ${goal.max}` : `>= ${goal.min}`;
  const met = (goal.max === undefined || value <= goal.max) && (goal.min === undefined || value >= goal.min);
  return { figure: name, value: rounded, unit, goal: text, met };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}
