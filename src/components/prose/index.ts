/**
 * The tags writers use in theme MDX, in one place: the theme route passes these to `<Content>`, so an
 * MDX page uses them without importing anything. Each binds prose to a dataset row (no number is
 * typed into MDX); see docs/writing-a-theme.md for what each tag takes.
 */
export { default as Activities } from './Activities.astro';
export { default as Change } from './Change.astro';
export { default as Count } from './Count.astro';
export { default as Figure } from '../figure/Figure.astro';
export { default as Helplines } from './Helplines.astro';
export { default as KeyCount } from './KeyCount.astro';
export { default as KeyFigure } from './KeyFigure.astro';
export { default as KeyFigures } from './KeyFigures.astro';
export { default as Period } from './Period.astro';
export { default as Ratio } from './Ratio.astro';
export { default as Sum } from './Sum.astro';
export { default as Term } from './Term.astro';
export { default as ThemeLink } from './ThemeLink.astro';
export { default as Value } from './Value.astro';
