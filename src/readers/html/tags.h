// HTML tags as gumbo's tokenizer reads them, for the scan of a page's
// nesting before it is parsed (html_tree.h), and what the tree builder does
// with each (the HTML standard's categories, as gumbo 0.10.1 has them).
#pragma once
#include <gumbo.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gongkai::html {

enum : std::uint16_t {
  kVoid = 1,         // never has children (<br>, <img>…)
  kSpecial = 2,      // stops the search for an end tag's element
  kScope = 4,        // bounds "in scope" (applet, caption, table, td…)
  kFormatting = 8,   // reopened by the builder after it is closed implicitly
  kMarker = 16,      // holds formatting elements within it (td, th, caption…)
  kClosesP = 32,     // a start tag that closes an open <p>
  kRawText = 64,     // content is text up to the end tag (<script>, <style>…)
  kTablePart = 128,  // only within a table (<td>, <tr>, <tbody>…)
  kIgnored = 256,    // no element of its own (<html>, <head>, <body>)
  kBreakout = 512,   // leaves an <svg> or <math> for HTML again
};

// The flags above of a tag.
std::uint16_t tag_flags(GumboTag tag);

// One tag as the tokenizer reads it.
struct Tag {
  std::uint32_t key = GUMBO_TAG_LAST;  // GumboTag; GUMBO_TAG_LAST for a comment, a doctype…
  std::uint16_t flags = 0;
  bool end = false, self_closing = false;
  std::uint64_t attributes = 0;  // a hash of the tag's text: tells <font color=red> from <font>
};

// Reads the markup at `s[i]` == '<' into `t`; returns the index after it, or
// npos when the page ends inside it (gumbo drops such a tag). A "<" that
// opens no markup comes back as itself with t.key == GUMBO_TAG_LAST.
std::size_t read_tag(std::string_view s, std::size_t i, Tag& t);

// Where the raw text that began at `i` within a <`name`> ends: at its end
// tag, or npos when there is none.
std::size_t skip_raw_text(std::string_view s, std::size_t i, std::string_view name);

}  // namespace gongkai::html
