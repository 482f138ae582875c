#include "validation/sum_meet.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <memory>
#include <memory_resource>
#include <optional>
#include <unordered_set>

namespace gongkai {
namespace {

// Two passes. The ordered one (meet) is the search as it always was: where
// it stops looking up is counted against the work bound, and that count
// follows the order in which std::unordered_set keeps its sums, so its sets
// are the ones the search has always used, with the same hashes and
// insertions: they keep the same order and every bound is hit exactly where
// it was (checked against the old code on random problems). Only where
// their memory comes from changed: sums of three or more identities are
// pointers into an arena, not a std::vector each, and nodes come from a
// pool freed at once. The flat one (FastMeet, below) answers first wherever
// the order cannot matter; the ordered one runs only where it might.

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
      blocks.push_back(std::make_unique_for_overwrite<int64_t[]>(block_size));
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

// Sums of `w` words each, kept once, in insertion order, with an
// open-addressing index, and the least and greatest of each word: the fast
// pass below (the order of the sums does not matter to it).
class FlatSums {
 public:
  explicit FlatSums(size_t w) : w_(w), lo_(w, INT64_MAX), hi_(w, INT64_MIN), mul_(w) {
    uint64_t x = 0;
    for (auto& m : mul_) {  // splitmix64: a different odd multiplier per word
      uint64_t z = (x += 0x9e3779b97f4a7c15ull);
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      m = (z ^ (z >> 31)) | 1;
    }
  }
  size_t size() const { return hashes_.size(); }
  const int64_t* at(size_t i) const { return keys_.data() + i * w_; }
  int64_t lo(size_t d) const { return lo_[d]; }
  int64_t hi(size_t d) const { return hi_[d]; }
  // Room for n keys without moving them (only the memory is set aside).
  void reserve(size_t n) {
    keys_.reserve(n * w_);
    hashes_.reserve(n);
  }
  // The index of key `k`, added when new.
  size_t insert(const int64_t* k) {
    if ((size() + 1) * 2 > slots_.size()) grow();
    const uint64_t h = hash(k);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0) {
        keys_.insert(keys_.end(), k, k + w_);
        hashes_.push_back(h);
        for (size_t d = 0; d < w_; ++d) lo_[d] = std::min(lo_[d], k[d]), hi_[d] = std::max(hi_[d], k[d]);
        slots_[i] = (h & ~kIndex) | size();
        return size() - 1;
      }
      if (same(slots_[i], h, k)) return (slots_[i] & kIndex) - 1;
    }
  }
  bool contains(const int64_t* k) const {
    if (size() == 0) return false;
    const uint64_t h = hash(k);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      if (slots_[i] == 0) return false;
      if (same(slots_[i], h, k)) return true;
    }
  }

 private:
  // A slot: the key's index + 1 in the low 32 bits, the high half of its
  // hash above (most keys that differ are told apart without reading them).
  static constexpr uint64_t kIndex = 0xffffffffull;
  bool same(uint64_t slot, uint64_t h, const int64_t* k) const {
    return (slot & ~kIndex) == (h & ~kIndex) && std::equal(k, k + w_, at((slot & kIndex) - 1));
  }
  // The words multiplied independently (a chain of multiplies, one per word,
  // made hashing most of this pass's time with 14 words).
  uint64_t hash(const int64_t* k) const {
    uint64_t h = 0;
    for (size_t j = 0; j < w_; ++j) h += static_cast<uint64_t>(k[j]) * mul_[j];
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ull;
    return h ^ (h >> 29);
  }
  void grow() {
    std::vector<uint64_t> slots(std::max<size_t>(16, slots_.size() * 2), 0);
    const size_t mask = slots.size() - 1;
    for (size_t n = 0; n < size(); ++n) {
      size_t i = hashes_[n] & mask;
      while (slots[i] != 0) i = (i + 1) & mask;
      slots[i] = (hashes_[n] & ~kIndex) | (n + 1);
    }
    slots_ = std::move(slots);
  }
  size_t w_;
  std::vector<int64_t> keys_, lo_, hi_;
  std::vector<uint64_t> mul_, hashes_;
  std::vector<uint64_t> slots_;  // 0: empty
};

enum class Fast { Fail, Done, Unsure };

// The same search on flat sets, with every sum as `w` plain words (two sums
// or fewer: each within the packed keys' range, as Packed checks). Exact
// where the answer does not depend on the order the std::unordered_sets
// keep: whether the forward and backward passes fit their bounds (the sums
// made and their count are the same in any order), and the look-ups when
// even looking through every sum of the smaller side for every addend stays
// within the work bound. Unsure when the look-ups may or may not exceed it.
// The slowest reports spent most of their time in passes that fail on the
// work bound: 16 ms for 80000 additions of 14 sums in the ordered sets (a
// generated report of seed 9200, 2 % drops), 0.6 ms here.
class FastMeet {
 public:
  FastMeet(size_t w, bool ranged, size_t max_states)
      : w_(w), ranged_(ranged), max_states_(max_states), max_work_(max_states * kWorkPerState) {}

  Fast run(const std::vector<std::vector<Sums>>& contrib, std::vector<std::vector<char>>& viable) {
    const size_t m = contrib.size();
    std::vector<size_t> distinct(m);
    std::vector<std::vector<size_t>> index(m);  // contrib[k][i] -> its place in distinct[k]
    for (size_t k = 0; k < m; ++k) {
      distinct[k] = add_set();
      for (auto& c : contrib[k]) {
        if (!in_range(c.data())) return Fast::Fail;
        index[k].push_back(sets_[distinct[k]].insert(c.data()));
      }
    }
    std::vector<Layer> fwd(m + 1), bwd(m + 1);
    fwd[0] = bwd[m] = Layer{add_set(), std::vector<int64_t>(w_, 0)};
    sets_[fwd[0].set].insert(fwd[0].shift.data());
    for (size_t k = 0; k < m; ++k)
      if (!step(fwd[k], sets_[distinct[k]], fwd[k + 1])) return Fast::Fail;
    for (size_t k = m; k-- > 0;)
      if (!step(bwd[k + 1], sets_[distinct[k]], bwd[k])) return Fast::Fail;
    // The look-ups count one per sum of the smaller side tried, until one
    // meets: between one per addend that meets (and the whole side for one
    // that does not) and the whole side for every addend.
    size_t least = work_, most = work_;
    std::vector<std::vector<char>> met(m);
    for (size_t k = 0; k < m; ++k) {
      const bool fwd_small = sets_[fwd[k].set].size() <= sets_[bwd[k + 1].set].size();
      const Layer& small = fwd_small ? fwd[k] : bwd[k + 1];
      const Layer& large = fwd_small ? bwd[k + 1] : fwd[k];
      const FlatSums& add = sets_[distinct[k]];
      met[k].assign(add.size(), 0);
      for (size_t c = 0; c < add.size(); ++c) {
        met[k][c] = meets(small, add.at(c), large);
        least += met[k][c] ? 1 : sets_[small.set].size();
        most += sets_[small.set].size();
        if (least > max_work_) return Fast::Fail;
        // Left to the ordered search, which stops at the bound (this pass
        // would not: every addend against every sum).
        if (most > max_work_) return Fast::Unsure;
      }
    }
    viable.assign(m, {});
    for (size_t k = 0; k < m; ++k)
      for (size_t i : index[k]) viable[k].push_back(met[k][i]);
    return Fast::Done;
  }

 private:
  // The sums of sets_[set], each moved by `shift`: a row read one way moves
  // every partial sum by the same amount, so its layer is the one before,
  // moved, not a copy (a report with many such rows copied 10000 sums per row).
  struct Layer {
    size_t set = 0;
    std::vector<int64_t> shift;
  };

  size_t add_set() {
    sets_.emplace_back(w_);
    return sets_.size() - 1;
  }
  bool in_range(const int64_t* s) const {
    for (size_t d = 0; d < w_ && ranged_; ++d)
      if (!Packed::in_range(s[d])) return false;
    return true;
  }

  bool step(const Layer& from, const FlatSums& add, Layer& to) {
    const FlatSums& src = sets_[from.set];
    // Every pair is one unit of work: past the bound, the pass fails
    // whatever the sums.
    if (work_ + src.size() * add.size() > max_work_) return false;
    if (add.size() == 1 && src.size() > 0) {
      if (src.size() > max_states_) return false;
      to.set = from.set;
      to.shift = from.shift;
      for (size_t d = 0; d < w_; ++d) to.shift[d] += add.at(0)[d];
      std::vector<int64_t> lo(w_), hi(w_);  // the range holds for every sum when it does for the extremes
      for (size_t d = 0; d < w_; ++d) lo[d] = src.lo(d) + to.shift[d], hi[d] = src.hi(d) + to.shift[d];
      work_ += src.size();
      return in_range(lo.data()) && in_range(hi.data());
    }
    to = Layer{add_set(), std::vector<int64_t>(w_, 0)};
    FlatSums& out = sets_[to.set];
    out.reserve(std::min(src.size() * add.size(), max_states_ + 1));
    std::vector<int64_t> sum(w_);
    for (size_t i = 0; i < src.size(); ++i)
      for (size_t j = 0; j < add.size(); ++j) {
        for (size_t d = 0; d < w_; ++d) sum[d] = src.at(i)[d] + from.shift[d] + add.at(j)[d];
        if (!in_range(sum.data())) return false;
        ++work_;
        out.insert(sum.data());
        if (out.size() > max_states_) return false;
      }
    return true;
  }

  // Some sum of `small` and `c` is met by one of `large` (they add up to zero).
  bool meets(const Layer& small, const int64_t* c, const Layer& large) {
    const FlatSums& s = sets_[small.set];
    std::vector<int64_t> sum(w_), want(w_);
    for (size_t i = 0; i < s.size(); ++i) {
      for (size_t d = 0; d < w_; ++d) sum[d] = s.at(i)[d] + small.shift[d] + c[d];
      if (!in_range(sum.data())) continue;
      for (size_t d = 0; d < w_; ++d) want[d] = -sum[d] - large.shift[d];
      if (sets_[large.set].contains(want.data())) return true;
    }
    return false;
  }

  size_t w_;
  bool ranged_;
  size_t max_states_, max_work_, work_ = 0;
  std::deque<FlatSums> sets_;  // a deque: a set stays where it is while others are added
};

}  // namespace

bool meet_in_sums(const std::vector<std::vector<Sums>>& contrib, size_t dims, size_t max_states,
                  std::vector<std::vector<char>>& viable) {
  if (contrib.empty()) {  // nothing to add up: every sum is zero
    viable.clear();
    return true;
  }
  Fast fast = FastMeet(dims, dims <= 2, max_states).run(contrib, viable);
  if (fast != Fast::Unsure) return fast == Fast::Done;
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
