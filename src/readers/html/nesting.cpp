// How deep gumbo would nest a page, estimated from its tags before parsing:
// gumbo has no depth limit of its own, the time it spends on a tag grows
// with the depth (it scans the open elements), and a <frameset> makes it
// free the body so far by recursion. The estimate follows the tree builder's
// rules for what closes an element (p, li, td, tr, headings, option, end tags
// stopped by special elements, tables, selects, svg…) and for reopening the
// formatting elements (<b>, <font>…) that were closed implicitly, and errs on
// the deep side where it simplifies: it may keep open what the builder
// closes, never the reverse. Checked against gumbo's trees on random tag soup
// and on patterns repeated a few hundred times (the depth gumbo builds was at
// most about 1.5 times the estimate, plus the implied <html>/<body>).
#include <algorithm>
#include <cstdint>
#include <vector>

#include "readers/html/html_tree.h"
#include "readers/html/tags.h"

namespace gongkai::html {
namespace {

bool is_heading(std::uint32_t t) { return t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6; }

class Estimate {
 public:
  void take(const Tag& t) {
    raw_text_ = false;
    // A page with frames (none is a report) is not followed through the
    // builder's frameset rules: from its first <frameset> on, every start
    // tag is counted open for good.
    if (t.key == GUMBO_TAG_FRAMESET) frameset_ = true;
    if (frameset_) {
      if (!t.end && !(t.flags & kVoid)) open_.push_back({t.key, 0, false, 0});
    } else if (t.end) {
      end_tag(t);
    } else {
      start_tag(t);
    }
    int depth = static_cast<int>(open_.size()) + reopenable_;
    deepest_ = std::max(deepest_, depth);
    work_ += static_cast<std::uint64_t>(depth) + 1;
  }
  // Text between tags: the builder reopens the formatting elements for it.
  void text() { reopen(); }

  int deepest() const { return deepest_; }
  std::uint64_t work() const { return work_; }
  // Whether the last start tag opened raw text (<script>, <style>…).
  bool opened_raw_text() const { return raw_text_; }

 private:
  struct Open {
    std::uint32_t key;
    std::uint16_t flags;
    bool foreign;      // an element of an <svg> or <math>
    std::uint32_t id;  // its entry in the list of formatting elements, or 0
  };
  // The builder's list of active formatting elements: the open ones (id of
  // the element), those closed implicitly that it will reopen (id 0), and
  // markers (a cell, a caption…: what is within stays within).
  struct Entry {
    std::uint32_t key;
    std::uint64_t attributes;
    std::uint32_t id;
  };
  static constexpr std::uint32_t kMarkerKey = 0xFFFFFFFF;

  // The innermost open element `match` accepts, searching no further than
  // one `stop` accepts; -1 when there is none.
  template <class Match, class Stop>
  long find(Match match, Stop stop) const {
    for (long i = static_cast<long>(open_.size()) - 1; i >= 0; --i) {
      if (match(open_[i])) return i;
      if (stop(open_[i])) return -1;
    }
    return -1;
  }
  long top() const { return static_cast<long>(open_.size()) - 1; }

  void push(std::uint32_t key, std::uint16_t flags, bool foreign = false, std::uint32_t id = 0) {
    open_.push_back({key, flags, foreign, id});
    count(key, 1);
    if (flags & kMarker) formatting_.push_back({kMarkerKey, 0, 0});
  }

  // Closes the open element at `i` and all within it; nothing when i < 0.
  // A cell, a caption or a template takes the formatting elements since its
  // marker with it; an <object>, <applet> or <marquee> only when closed by
  // its own end tag (`own_end`), as the builder does.
  void pop_to(long i, bool own_end = false) {
    if (i < 0) return;
    while (top() >= i) {
      Open o = open_.back();
      open_.pop_back();
      count(o.key, -1);
      bool closes_marker = o.key == GUMBO_TAG_TD || o.key == GUMBO_TAG_TH || o.key == GUMBO_TAG_CAPTION ||
                           o.key == GUMBO_TAG_TEMPLATE || (own_end && top() < i);
      if ((o.flags & kMarker) && closes_marker) clear_to_marker();
      if (o.id == 0) continue;
      for (auto e = formatting_.rbegin(); e != formatting_.rend(); ++e)
        if (e->id == o.id) {
          e->id = 0;
          ++reopenable_;
          break;
        }
    }
  }

  // The first entry after the last marker.
  std::size_t after_marker() const {
    std::size_t i = formatting_.size();
    while (i > 0 && formatting_[i - 1].key != kMarkerKey) --i;
    return i;
  }
  void drop_entry(std::size_t i) {
    if (formatting_[i].key != kMarkerKey && formatting_[i].id == 0) --reopenable_;
    formatting_.erase(formatting_.begin() + static_cast<long>(i));
  }
  // Drops the last entry for `key` since the last marker; false when there is none.
  bool drop_last(std::uint32_t key) {
    for (std::size_t i = formatting_.size(); i > after_marker(); --i)
      if (formatting_[i - 1].key == key) {
        drop_entry(i - 1);
        return true;
      }
    return false;
  }
  void clear_to_marker() {
    while (!formatting_.empty()) {
      bool marker = formatting_.back().key == kMarkerKey;
      drop_entry(formatting_.size() - 1);
      if (marker) return;
    }
  }
  void reopen() {
    if (reopenable_ == 0) return;
    for (std::size_t i = after_marker(); i < formatting_.size(); ++i) {
      if (formatting_[i].id != 0) continue;
      formatting_[i].id = ++next_id_;
      --reopenable_;
      push(formatting_[i].key, tag_flags(static_cast<GumboTag>(formatting_[i].key)), false, formatting_[i].id);
    }
  }
  void push_formatting(const Tag& t);

  void close_implied(const Tag& t);
  bool in_select(const Tag& t);
  void start_tag(const Tag& t);
  void end_tag(const Tag& t);

  // Within an <svg> or <math>, and not in one of its islands of HTML
  // (<foreignObject>, <desc>, <title>, MathML's text elements).
  bool in_foreign() const { return !open_.empty() && open_.back().foreign && !(open_.back().flags & kScope); }
  void start_foreign(const Tag& t);

  // Open <table>s and <select>s: table parts stand only in a table, and in
  // a select the builder ignores <style>, <title>, <plaintext>… (their
  // content is then markup, not text).
  void count(std::uint32_t key, int by) {
    if (key == GUMBO_TAG_TABLE) tables_ += by;
    if (key == GUMBO_TAG_SELECT) selects_ += by;
  }

  int deepest_ = 0, tables_ = 0, selects_ = 0, reopenable_ = 0;
  std::uint64_t work_ = 0;
  std::uint32_t next_id_ = 0;
  bool frameset_ = false, raw_text_ = false;
  std::vector<Open> open_;
  std::vector<Entry> formatting_;
};

auto tag_is(std::uint32_t key) {
  return [key](const auto& o) { return o.key == key; };
}
auto any_of_flags(std::uint16_t f) {
  return [f](const auto& o) { return (o.flags & f) != 0; };
}

// The elements a start tag closes before it opens, as the tree builder does.
void Estimate::close_implied(const Tag& t) {
  auto button_scope = [](const Open& o) { return (o.flags & kScope) || o.key == GUMBO_TAG_BUTTON; };
  auto list_stop = [](const Open& o) {
    return (o.flags & kSpecial) && o.key != GUMBO_TAG_ADDRESS && o.key != GUMBO_TAG_DIV && o.key != GUMBO_TAG_P;
  };
  std::uint32_t k = t.key;
  if (k == GUMBO_TAG_LI) pop_to(find(tag_is(GUMBO_TAG_LI), list_stop));
  if (k == GUMBO_TAG_DD || k == GUMBO_TAG_DT)
    pop_to(find([](const Open& o) { return o.key == GUMBO_TAG_DD || o.key == GUMBO_TAG_DT; }, list_stop));
  if (t.flags & kClosesP) pop_to(find(tag_is(GUMBO_TAG_P), button_scope));
  if (is_heading(k) && !open_.empty() && is_heading(open_.back().key)) pop_to(top());
  if ((k == GUMBO_TAG_OPTION || k == GUMBO_TAG_OPTGROUP) && !open_.empty() && open_.back().key == GUMBO_TAG_OPTION)
    pop_to(top());
  // A table part closes all that stands within the table, body or row it
  // belongs in (the builder "clears the stack back to" that context, or
  // closes the cell or caption first): a </td> after a <caption> then finds
  // no cell to close, as the builder's does not.
  if (t.flags & kTablePart) {
    auto context = [k](const Open& o) {
      bool body = o.key == GUMBO_TAG_TBODY || o.key == GUMBO_TAG_THEAD || o.key == GUMBO_TAG_TFOOT;
      if (k == GUMBO_TAG_TD || k == GUMBO_TAG_TH) return o.key == GUMBO_TAG_TR || body || o.key == GUMBO_TAG_TABLE;
      if (k == GUMBO_TAG_TR) return body || o.key == GUMBO_TAG_TABLE;
      return o.key == GUMBO_TAG_TABLE;
    };
    long i = find(context, tag_is(GUMBO_TAG_TEMPLATE));
    if (i >= 0) pop_to(i + 1);
  }
  // A <table> straight in a table (not in a cell) closes the open one.
  if (k == GUMBO_TAG_TABLE) pop_to(find(tag_is(GUMBO_TAG_TABLE), any_of_flags(kScope)));
  // A second <a> closes the first when nothing special stands between them.
  if (k == GUMBO_TAG_A && drop_last(GUMBO_TAG_A)) pop_to(find(tag_is(GUMBO_TAG_A), any_of_flags(kSpecial)));
}

// Whether a start tag counts in a <select>, where the builder ignores all but
// its own tags and those that close it (closed here).
bool Estimate::in_select(const Tag& t) {
  std::uint32_t k = t.key;
  bool table_tag = k == GUMBO_TAG_CAPTION || k == GUMBO_TAG_TABLE || k == GUMBO_TAG_TBODY || k == GUMBO_TAG_TFOOT ||
                   k == GUMBO_TAG_THEAD || k == GUMBO_TAG_TR || k == GUMBO_TAG_TD || k == GUMBO_TAG_TH;
  if (k == GUMBO_TAG_SELECT || k == GUMBO_TAG_INPUT || k == GUMBO_TAG_KEYGEN || k == GUMBO_TAG_TEXTAREA ||
      (table_tag && tables_ > 0)) {
    pop_to(find(tag_is(GUMBO_TAG_SELECT), [](const Open&) { return false; }));
    return k != GUMBO_TAG_SELECT;  // a <select> in a select only closes it
  }
  return k == GUMBO_TAG_OPTION || k == GUMBO_TAG_OPTGROUP || k == GUMBO_TAG_SCRIPT || k == GUMBO_TAG_TEMPLATE;
}

// Within an <svg> or <math> a tag is a foreign element (a <th> or a
// <textarea> too) that no HTML rule closes, until a tag of HTML's own
// (<div>, <p>, <table>…) closes the foreign ones.
void Estimate::start_foreign(const Tag& t) {
  if (t.self_closing) return;
  std::uint32_t k = t.key;
  bool island = k == GUMBO_TAG_FOREIGNOBJECT || k == GUMBO_TAG_DESC || k == GUMBO_TAG_TITLE || k == GUMBO_TAG_MI ||
                k == GUMBO_TAG_MO || k == GUMBO_TAG_MN || k == GUMBO_TAG_MS || k == GUMBO_TAG_MTEXT ||
                k == GUMBO_TAG_ANNOTATION_XML;
  push(k, static_cast<std::uint16_t>(island ? kScope | kSpecial : 0), true);
}

// The builder keeps at most three alike since the last marker (its "Noah's
// Ark" clause); alike here is the same tag text, a finer test. An element
// whose entry is dropped stays open.
void Estimate::push_formatting(const Tag& t) {
  int alike = 0;
  std::size_t first = 0;
  for (std::size_t i = formatting_.size(); i > after_marker(); --i)
    if (formatting_[i - 1].key == t.key && formatting_[i - 1].attributes == t.attributes) {
      ++alike;
      first = i - 1;
    }
  if (alike >= 3) drop_entry(first);
  formatting_.push_back({t.key, t.attributes, ++next_id_});
  push(t.key, t.flags, false, next_id_);
}

void Estimate::start_tag(const Tag& t) {
  if (in_foreign()) {
    if (!(t.flags & kBreakout)) return start_foreign(t);
    while (in_foreign()) pop_to(top());
  }
  if (selects_ > 0 && !in_select(t)) return;
  // Raw text is skipped to its end tag, and is no element here: where the
  // builder might ignore the tag, it is counted as any other and its content
  // read as markup.
  if ((t.flags & kRawText) || t.key == GUMBO_TAG_PLAINTEXT) {
    raw_text_ = selects_ == 0 || t.key == GUMBO_TAG_SCRIPT;
    if (raw_text_) return;
  }
  if (t.flags & kIgnored) return;
  if ((t.flags & kTablePart) && tables_ == 0) return;  // the builder drops table parts outside a table
  close_implied(t);
  // The tags after which the builder reopens formatting elements: all but
  // the blocks, lists, tables and forms (the "special" ones), and some of those.
  std::uint32_t k = t.key;
  if (!(t.flags & kSpecial) || k == GUMBO_TAG_APPLET || k == GUMBO_TAG_MARQUEE || k == GUMBO_TAG_OBJECT ||
      k == GUMBO_TAG_AREA || k == GUMBO_TAG_BR || k == GUMBO_TAG_EMBED || k == GUMBO_TAG_IMG ||
      k == GUMBO_TAG_WBR || k == GUMBO_TAG_INPUT || k == GUMBO_TAG_SELECT || k == GUMBO_TAG_XMP)
    reopen();
  if (t.flags & kVoid) return;
  if (k == GUMBO_TAG_SVG || k == GUMBO_TAG_MATH) return start_foreign(t);
  if (t.flags & kFormatting) return push_formatting(t);
  push(k, t.flags);
}

void Estimate::end_tag(const Tag& t) {
  std::uint32_t k = t.key;
  if (in_foreign()) {  // closes the foreign element of its name, if one is open within the HTML ones
    for (long i = top(); i >= 0 && open_[i].foreign; --i)
      if (open_[i].key == k) return pop_to(i);
  }
  if (selects_ > 0 && k != GUMBO_TAG_OPTION && k != GUMBO_TAG_OPTGROUP && k != GUMBO_TAG_SELECT &&
      k != GUMBO_TAG_TEMPLATE && !(t.flags & kTablePart) && k != GUMBO_TAG_TABLE)
    return;  // ignored in a <select>
  if (t.flags & (kIgnored | kVoid)) return;  // </body>, </html> close nothing; </br> is a <br>
  if (k == GUMBO_TAG_FORM) {  // removes the form alone, leaving what it holds open
    long i = find(tag_is(k), any_of_flags(kScope));
    if (i >= 0) open_.erase(open_.begin() + i);
    return;
  }
  if (t.flags & kFormatting) drop_last(k);
  auto table_stop = [](const Open& o) {
    return o.key == GUMBO_TAG_TABLE || o.key == GUMBO_TAG_HTML || o.key == GUMBO_TAG_TEMPLATE;
  };
  long i;
  if (is_heading(k))
    i = find([](const Open& o) { return is_heading(o.key); }, any_of_flags(kScope));
  else if (k == GUMBO_TAG_TABLE || (t.flags & kTablePart))
    i = find(tag_is(k), table_stop);
  else if (t.flags & kSpecial)
    i = find(tag_is(k), [k](const Open& o) {
      return (o.flags & kScope) || (k == GUMBO_TAG_P && o.key == GUMBO_TAG_BUTTON) ||
             (k == GUMBO_TAG_LI && (o.key == GUMBO_TAG_OL || o.key == GUMBO_TAG_UL));
    });
  else
    i = find(tag_is(k), any_of_flags(kSpecial));
  pop_to(i, true);
}

}  // namespace

Nesting estimate_nesting(std::string_view s, std::uint64_t max_work) {
  Estimate e;
  Tag t;
  constexpr auto npos = std::string_view::npos;
  for (std::size_t i = s.find('<'), last = 0; i != npos; i = s.find('<', i)) {
    if (i > last) e.text();
    std::size_t next = read_tag(s, i, t);
    if (next == npos) break;
    if (t.key != GUMBO_TAG_LAST) {
      e.take(t);
      if (e.work() > max_work) return {e.deepest(), e.work(), i};
      if (!t.end && e.opened_raw_text()) {
        if (t.key == GUMBO_TAG_PLAINTEXT) break;  // the rest of the page is text
        next = skip_raw_text(s, next, gumbo_normalized_tagname(static_cast<GumboTag>(t.key)));
        if (next == npos) break;
      }
    }
    i = last = next;
  }
  return {e.deepest(), e.work(), s.size()};
}

}  // namespace gongkai::html
