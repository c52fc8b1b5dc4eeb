// html-validate for the reports site (tests/ParPipeline.Tests/Browser/SiteHtmlTests.cs runs it over every page).
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // Bar widths and dumbbell positions are data: each is an inline width or left, the one thing CSS cannot know.
    "no-inline-style": "off",
  },
};
