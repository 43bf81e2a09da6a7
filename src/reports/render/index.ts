/** The report renderers (pure): Markdown and self-contained HTML; JSON is the data as is. */
export { postCallHtml, REPORT_CSP, reportHtml, repReviewHtml, teamHtml } from "./html.js";
export { postCallMarkdown, reportMarkdown, repReviewMarkdown, teamMarkdown } from "./markdown.js";
export { barsSvg, lineChartSvg, timelineSvg } from "./svg.js";
