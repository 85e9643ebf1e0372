// html-validate's configuration for the built site (tests/KbSite.Tests/HtmlValidateTests.cs runs it).
// Every rule of the recommended preset (which includes the accessibility rules) is an error, except:
export default {
  root: true,
  extends: ["html-validate:recommended"],
  rules: {
    // Article titles are the archive's own ("Q123456: ..." up to 130 characters); shortening them would lose words readers search for.
    "long-title": "off",
  },
};
