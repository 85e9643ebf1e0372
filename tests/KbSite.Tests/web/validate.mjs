// Validates the HTML files named (a JSON array on stdin) with html-validate and htmlvalidate.config.mjs;
// prints one JSON array of {file, rule, severity, line, column, message, selector}. Used by HtmlValidateTests.
import fs from "node:fs";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import config from "./htmlvalidate.config.mjs";

const files = JSON.parse(fs.readFileSync(0, "utf8"));
const validator = new HtmlValidate(new StaticConfigLoader(config));
const out = [];
for (const file of files) {
  const report = await validator.validateFile(file);
  for (const result of report.results) {
    for (const m of result.messages) {
      out.push({ file, rule: m.ruleId, severity: m.severity, line: m.line, column: m.column, message: m.message, selector: m.selector });
    }
  }
}
process.stdout.write(JSON.stringify(out));
