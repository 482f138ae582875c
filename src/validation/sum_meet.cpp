#include "validation/sum_meet.h"

#include <algorithm>
#include <memory>
#include <memory_resource>
#include <optional>
#include <unordered_set>

namespace gongkai {
namespace {

// Where the search stops looking up is counted against the work bound, and
// that count follows the order in which std::unordered_set keeps its sums:
// the sets here are the ones the search has always used, with the same
// hashes and insertions, so that they keep the same order and every bound
// is hit exactly where it was. What changed is where their memory comes
// from: sums of three or more identities are pointers into an arena, not a
// std::vector each, and nodes come from a pool freed at once.

// Two sums or fewer, each packed into half of one 64-bit key.
struct Packed {
  using Key = uint64_t;
  using Hash = std::hash<uint64_t>;
  using Eq = std::equal_to<uint64_t>;
  static constexpr int64_t kHalf = int64_t(1) << 31;
  static uint64_t pack(int64_t a, int64_t b) {
    return (static_cast<uint64_t>(a + kHalf) << 32) | static_cast<uint64_t>(b + kHalf);
  }
  static int64_t first(uint64_t k) { return static_cast<int64_t>(k >> 32) - kHalf; }
  static int64_t second(uint64_t k) { return static_cast<int64_t>(k & 0xffffffffu) - kHalf; }
  static bool in_range(int64_t v) { return v > -kHalf / 2 && v < kHalf / 2; }

  Hash hash() const { return {}; }
  Eq eq() const { return {}; }
  std::optional<Key> plus(Key x, Key y) {
    int64_t a = first(x) + first(y), b = second(x) + second(y);
    if (!in_range(a) || !in_range(b)) return std::nullopt;
    return pack(a, b);
  }
  void discard() {}
  // -(x + y), when x + y is in range.
  std::optional<Key> neg_sum(Key x, Key y) {
    auto s = plus(x, y);
    if (!s) return std::nullopt;
    return pack(-first(*s), -second(*s));
  }
};

// Three sums or more: a key points at `dims` sums in an arena.
struct Wide {
  using Key = const int64_t*;
  struct Hash {
    size_t dims;
    size_t operator()(Key s) const {  // as the std::vector<int64_t> keys were hashed
      size_t h = 1469598103934665603ull;
      for (size_t j = 0; j < dims; ++j) h = (h ^ static_cast<size_t>(s[j])) * 1099511628211ull;
      return h;
    }
  };
  struct Eq {
    size_t dims;
    bool operator()(Key a, Key b) const { return std::equal(a, a + dims, b); }
  };
  explicit Wide(size_t d) : dims(d), scratch(d) {}
  size_t dims;
  std::vector<std::unique_ptr<int64_t[]>> blocks;
  size_t used = 0, block_size = 0;
  std::vector<int64_t> scratch;

  Hash hash() const { return {dims}; }
  Eq eq() const { return {dims}; }
  int64_t* alloc() {
    if (blocks.empty() || used + dims > block_size) {
      block_size = std::max<size_t>(dims * 4096, 1);
      blocks.push_back(std::make_unique<int64_t[]>(block_size));
      used = 0;
    }
    int64_t* p = blocks.back().get() + used;
    used += dims;
    return p;
  }
  Key copy(const Sums& s) {
    int64_t* p = alloc();
    std::copy(s.begin(), s.end(), p);
    return p;
  }
  std::optional<Key> plus(Key a, Key b) {
    int64_t* p = alloc();
    for (size_t j = 0; j < dims; ++j) p[j] = a[j] + b[j];
    return p;
  }
  void discard() { used -= dims; }  // the last plus() was not kept
  std::optional<Key> neg_sum(Key a, Key b) {
    for (size_t j = 0; j < dims; ++j) scratch[j] = -(a[j] + b[j]);
    return scratch.data();
  }
};

template <class Space>
bool meet(Space& sp, const std::vector<std::vector<typename Space::Key>>& contrib, typename Space::Key zero,
          size_t max_states, std::vector<std::vector<char>>& viable) {
  using Key = typename Space::Key;
  using Set = std::unordered_set<Key, typename Space::Hash, typename Space::Eq, std::pmr::polymorphic_allocator<Key>>;
  std::pmr::monotonic_buffer_resource pool;
  const size_t m = contrib.size();
  std::vector<Set> distinct, fwd, bwd;
  distinct.reserve(m);
  fwd.reserve(m + 1);
  bwd.reserve(m + 1);
  for (size_t k = 0; k < m; ++k) distinct.emplace_back(0, sp.hash(), sp.eq(), &pool);
  for (size_t k = 0; k <= m; ++k) fwd.emplace_back(0, sp.hash(), sp.eq(), &pool), bwd.emplace_back(0, sp.hash(), sp.eq(), &pool);
  for (size_t k = 0; k < m; ++k) distinct[k].insert(contrib[k].begin(), contrib[k].end());
  size_t work = 0;
  const size_t max_work = max_states * kWorkPerState;
  auto step = [&](const Set& from, const Set& add, Set& to) {
    for (auto& f : from)
      for (auto& a : add) {
        std::optional<Key> s = sp.plus(f, a);
        if (!s || ++work > max_work) return false;
        if (!to.insert(*s).second) sp.discard();
        if (to.size() > max_states) return false;
      }
    return true;
  };
  fwd[0].insert(zero);
  bwd[m].insert(zero);
  for (size_t k = 0; k < m; ++k)
    if (!step(fwd[k], distinct[k], fwd[k + 1])) return false;
  for (size_t k = m; k-- > 0;)
    if (!step(bwd[k + 1], distinct[k], bwd[k])) return false;
  // Looked up from the smaller side, once per distinct addend.
  viable.assign(m, {});
  for (size_t k = 0; k < m; ++k) {
    const Set& small = fwd[k].size() <= bwd[k + 1].size() ? fwd[k] : bwd[k + 1];
    const Set& large = &small == &fwd[k] ? bwd[k + 1] : fwd[k];
    Set ok(0, sp.hash(), sp.eq(), &pool);
    for (auto& c : distinct[k])
      for (auto& f : small) {
        if (++work > max_work) return false;
        std::optional<Key> through = sp.neg_sum(f, c);
        if (through && large.count(*through)) {
          ok.insert(c);
          break;
        }
      }
    viable[k].assign(contrib[k].size(), 0);
    for (size_t i = 0; i < contrib[k].size(); ++i) viable[k][i] = ok.count(contrib[k][i]) > 0;
  }
  return true;
}

}  // namespace

bool meet_in_sums(const std::vector<std::vector<Sums>>& contrib, size_t dims, size_t max_states,
                  std::vector<std::vector<char>>& viable) {
  if (dims > 2) {
    Wide sp(dims);
    std::vector<std::vector<Wide::Key>> keys(contrib.size());
    for (size_t k = 0; k < contrib.size(); ++k)
      for (auto& c : contrib[k]) keys[k].push_back(sp.copy(c));
    const Wide::Key zero = sp.copy(Sums(dims, 0));
    return meet(sp, keys, zero, max_states, viable);
  }
  Packed sp;
  std::vector<std::vector<uint64_t>> packed(contrib.size());
  for (size_t k = 0; k < contrib.size(); ++k)
    for (auto& c : contrib[k]) {
      int64_t a = c[0], b = dims > 1 ? c[1] : 0;
      if (!Packed::in_range(a) || !Packed::in_range(b)) return false;
      packed[k].push_back(Packed::pack(a, b));
    }
  return meet(sp, packed, Packed::pack(0, 0), max_states, viable);
}

}  // namespace gongkai
