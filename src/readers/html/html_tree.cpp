#include "readers/html/html_tree.h"

#include <chrono>
#include <csetjmp>
#include <cstdlib>
#include <string>

#include "readers/reader.h"

namespace gongkai::html {

// Every block gumbo asks for, linked so that the whole tree is released in
// one loop (gumbo_destroy_output recurses once per level of the tree) and
// counted so that the parse stops when the tree grows past its bound.
struct Tree::Arena {
  struct Block {
    Block* prev;
    Block* next;
    std::size_t size;
    std::size_t pad;  // keeps what follows aligned as malloc's own blocks are (16 bytes)
  };
  // What one block costs besides its bytes: the link above and malloc's own
  // bookkeeping (about 16 bytes a block with glibc).
  static constexpr std::size_t kOverhead = sizeof(Block) + 16;

  Block head{&head, &head, 0, 0};
  std::size_t used = 0, blocks = 0;
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::now() + kMaxParseTime;
  enum class Over { No, Bytes, Time } over = Over::No;
  std::jmp_buf jump;

  ~Arena() {
    for (Block* b = head.next; b != &head;) {
      Block* next = b->next;
      std::free(b);
      b = next;
    }
  }
};

namespace {

using Arena = Tree::Arena;

void* allocate(void* userdata, std::size_t size) {
  auto* a = static_cast<Arena*>(userdata);
  a->used += size + Arena::kOverhead;
  // Gumbo cannot be told to stop, and takes no null for an answer: the parse
  // is left at once, and the arena frees what it had built. It allocates for
  // every tag, so the clock is read often enough (every 4096th block).
  if (a->used > kMaxTreeBytes) a->over = Arena::Over::Bytes;
  else if (++a->blocks % 4096 == 0 && std::chrono::steady_clock::now() > a->deadline) a->over = Arena::Over::Time;
  if (a->over != Arena::Over::No) std::longjmp(a->jump, 1);
  auto* b = static_cast<Arena::Block*>(std::malloc(sizeof(Arena::Block) + size));
  if (!b) {
    a->over = Arena::Over::Bytes;
    std::longjmp(a->jump, 1);
  }
  b->size = size;
  b->prev = &a->head;
  b->next = a->head.next;
  a->head.next->prev = b;
  a->head.next = b;
  return b + 1;
}

void deallocate(void* userdata, void* ptr) {
  if (!ptr) return;
  auto* a = static_cast<Arena*>(userdata);
  auto* b = static_cast<Arena::Block*>(ptr) - 1;
  b->prev->next = b->next;
  b->next->prev = b->prev;
  a->used -= b->size + Arena::kOverhead;
  std::free(b);
}

// Null when the parse was stopped (arena.over says why). Nothing here has a
// destructor for the jump to skip.
GumboOutput* parse_in(Arena& arena, std::string_view utf8) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = allocate;
  options.deallocator = deallocate;
  options.userdata = &arena;
  // Gumbo's default keeps every parse error with a copy of the open
  // elements: 3.1 GB for 100 KB of unclosed <div>s. No error is read here.
  options.max_errors = 0;
  if (setjmp(arena.jump) != 0) return nullptr;
  return gumbo_parse_with_options(&options, utf8.data(), utf8.size());
}

}  // namespace

Tree::Tree(std::string_view utf8) : arena_(std::make_unique<Arena>()) {
  Nesting n = estimate_nesting(utf8, kMaxParseWork);
  if (n.work > kMaxParseWork)
    throw ReadError("HTML nested too deeply to parse: " + std::to_string(n.depth) + " levels by byte " +
                    std::to_string(n.at) + ", more than the parser is given (" +
                    std::to_string(kMaxParseWork / 1'000'000) +
                    " M levels summed over the tags); a report page nests a few dozen");
  GumboOutput* out = parse_in(*arena_, utf8);
  if (!out && arena_->over == Arena::Over::Time)
    throw ReadError("HTML page too tangled to parse: the parser passed " +
                    std::to_string(std::chrono::duration_cast<std::chrono::seconds>(kMaxParseTime).count()) +
                    " s (" + std::to_string(utf8.size() >> 10) + " KB of HTML)");
  if (!out)
    throw ReadError("HTML page too large to parse: its tree passed " + std::to_string(kMaxTreeBytes >> 20) +
                    " MB (" + std::to_string(utf8.size() >> 10) + " KB of HTML)");
  root_ = out->root;
}

Tree::~Tree() = default;

}  // namespace gongkai::html
