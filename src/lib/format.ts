/** en-GB number formatting used everywhere a figure is shown (prose, charts, tables, summaries). */

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const gbp = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });

export type Unit = 'count' | 'percent' | 'gbp' | 'fte' | 'ratio';

/** Format a number with `digits` decimals (default: as many as it has, up to 2). */
export function formatNumber(value: number, digits?: number): string {
  if (digits === undefined) {
    return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
  }
  return new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** Format a value in its unit: "10,947", "8.2%", "£3,780,100", "3 FTE". */
export function formatValue(value: number, unit: Unit, digits?: number): string {
  switch (unit) {
    case 'count':
      return digits === undefined ? integer.format(value) : formatNumber(value, digits);
    case 'percent':
      return `${formatNumber(value, digits)}%`;
    case 'gbp':
      return gbp.format(value);
    case 'fte':
      return `${formatNumber(value, digits)} FTE`;
    case 'ratio':
      return formatNumber(value, digits ?? 2);
  }
}

/** A signed change: "+6.3%", "−10.8%" (true minus sign), "+526". */
export function formatChange(value: number, unit: Unit, digits?: number): string {
  const magnitude = formatValue(Math.abs(value), unit, digits);
  if (value > 0) return `+${magnitude}`;
  if (value < 0) return `\u2212${magnitude}`;
  return magnitude;
}
