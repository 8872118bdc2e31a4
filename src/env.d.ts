declare namespace App {
  interface Locals {
    /** Theme pages: the figure the layout draws after the standfirst (see src/pages/themes/[theme].astro). */
    leadFigure?: string | undefined;
  }
}
