// An HTML page parsed by gumbo within bounds: parse time and tree size
// bounded before and while it is parsed, and walks over the tree that use no
// recursion. Measured on gumbo 0.10.1 (Debian): 50,000 nested
// <span>s overflowed the stack (gumbo's own clean-up recurses once per
// level), 100 KB of unclosed <div>s took 3.1 GB (every parse error kept a copy
// of the open elements), and 10 MB of <span>s 512 deep closed by stray end
// tags took 12 s (each tag scans the open elements).
#pragma once
#include <gumbo.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai::html {

// What gumbo may spend on a page, counted as the depth of the open elements
// summed over its tags: gumbo scans the open elements for most tags, at
// about 10 ns a level (10 MB of <span>s 512 deep closed by stray end tags:
// 1.3e9 levels in 12 s). A report page, even a 10 MB one of 1 M tags a few
// dozen deep, counts some 3e7; this bound keeps the worst page near 3 s and
// its depth under about 24,000 (gumbo frees the body it has built so far by
// recursion when a <frameset> follows it).
constexpr std::uint64_t kMaxParseWork = 300'000'000;

// The estimate of that work follows gumbo's rules only so far; past this
// time the parse is stopped whatever the estimate said (a report page parses
// in milliseconds).
constexpr std::chrono::seconds kMaxParseTime{10};

// Gumbo's tree of a page takes about 150 bytes an element; this many bytes of
// it keep the whole read of any page under 300 MB.
constexpr std::size_t kMaxTreeBytes = std::size_t{160} << 20;

// How deep the parser would nest a page's elements and the work it would
// spend (see kMaxParseWork), estimated from the tags before parsing. The scan
// stops at the byte `at` where the work first passes `max_work`.
struct Nesting {
  int depth = 0;
  std::uint64_t work = 0;
  std::size_t at = 0;
};
Nesting estimate_nesting(std::string_view utf8, std::uint64_t max_work);

// A page's parse tree. Gumbo's memory is its own arena, released at once, so
// no clean-up recurses through the tree.
class Tree {
 public:
  // Throws ReadError when the page would cost the parser more than
  // kMaxParseWork or its tree more than kMaxTreeBytes. `utf8` must outlive the tree.
  explicit Tree(std::string_view utf8);
  ~Tree();
  Tree(const Tree&) = delete;
  Tree& operator=(const Tree&) = delete;
  const GumboNode* root() const { return root_; }

  struct Arena;

 private:
  std::unique_ptr<Arena> arena_;
  const GumboNode* root_ = nullptr;
};

// Visits `root` and the nodes under it in document order, without recursion:
// enter(node) returns whether to visit an element's children; leave(node)
// follows the children of each element so visited.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter&& enter, Leave&& leave) {
  if (!enter(root) || root->type != GUMBO_NODE_ELEMENT) return;
  std::vector<std::pair<const GumboNode*, unsigned>> open{{root, 0}};
  while (!open.empty()) {
    const GumboNode* node = open.back().first;
    unsigned next = open.back().second++;
    const GumboVector& ch = node->v.element.children;
    if (next < ch.length) {
      auto* child = static_cast<const GumboNode*>(ch.data[next]);
      if (enter(child) && child->type == GUMBO_NODE_ELEMENT) open.emplace_back(child, 0);
    } else {
      leave(node);
      open.pop_back();
    }
  }
}

}  // namespace gongkai::html
