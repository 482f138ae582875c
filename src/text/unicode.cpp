#include "text/unicode.h"

#include <iconv.h>
#include <uchardet/uchardet.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <type_traits>

namespace gongkai {

bool valid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size());
  while (n > 0) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(p, n, &c);
    if (k <= 0 || c < 0) return false;
    p += k;
    n -= k;
  }
  return true;
}

namespace {

std::optional<std::string> iconv_convert(std::string_view in, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  std::string out(in.size() * 2 + 16, '\0');
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  size_t done = 0;
  while (src_left > 0) {
    char* dst = out.data() + done;
    size_t dst_left = out.size() - done;
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    done = out.size() - dst_left;
    if (r == static_cast<size_t>(-1)) {
      if (errno == E2BIG) {
        out.resize(out.size() * 2);
        continue;
      }
      return std::nullopt;  // EILSEQ / EINVAL: not this encoding
    }
  }
  out.resize(done);
  return out;
}

// The share of a decoded text that is what reports print: printable ASCII,
// white space, Han, CJK and full-width punctuation, Latin letters. UTF-16 in
// the wrong byte order turns ASCII into other scripts (U+3100 for "1\0") and Han
// into control and combining characters, far under the right order's share.
double plausible_share(std::string_view utf8) {
  size_t n = 0, ok = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0 && n < (1 << 16)) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(p, left, &c);
    if (k <= 0) return 0;
    p += k, left -= k, ++n;
    ok += (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
          (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) ||
          (c >= 0x2000 && c <= 0x27BF) || (c >= 0xA0 && c <= 0x24F) || (c >= 0x3400 && c <= 0x4DBF);
  }
  return n ? static_cast<double>(ok) / static_cast<double>(n) : 0;
}

// UTF-16 without a byte-order mark, as its NUL bytes show: its ASCII (digits,
// spaces, line ends: every report prints them) has a NUL as every other byte.
// Han with a zero low byte (一 is U+4E00) has one on the other side, so the
// order is the one whose decoding reads as text (nine characters in ten).
// Reports in UTF-16 are 7.7 to 19% NUL bytes (samples/, real-archive/); a
// stray NUL in a text in another encoding is far under 1%.
std::optional<std::string> decode_unmarked_utf16(std::string_view bytes, std::string& encoding) {
  std::string_view head = bytes.substr(0, 1 << 16);
  if (static_cast<size_t>(std::count(head.begin(), head.end(), '\0')) * 100 < head.size()) return std::nullopt;
  std::string_view units = bytes.substr(0, bytes.size() & ~size_t{1});
  std::optional<std::string> best;
  double best_share = 0.9;
  for (const char* order : {"UTF-16LE", "UTF-16BE"}) {
    auto text = iconv_convert(units, order);
    if (!text) continue;
    if (double share = plausible_share(*text); share >= best_share) {
      best_share = share;
      best = std::move(text);
      encoding = order;
    }
  }
  return best;
}

// What uchardet names the bytes, "" when it cannot tell. Measured on report
// lines re-encoded: it names Big5 for Big5 lines of 18 bytes and more, and
// named none of 355 GB18030 lines (4 to 900 bytes) or 37 whole reports Big5;
// ICU's detector missed Big5 under about 60 bytes.
std::string detected_charset(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(uchardet_new(), uchardet_delete);
  if (uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return "";
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name ? name : "";
}

const std::pair<char32_t, char32_t> kTraditionalSimplified[] = {
#include "text/traditional_simplified.inc"
};

}  // namespace

std::string to_simplified(std::string_view utf8) {
  std::u32string s = to_u32(utf8);
  for (char32_t& c : s) {
    auto it = std::lower_bound(std::begin(kTraditionalSimplified), std::end(kTraditionalSimplified),
                               std::pair<char32_t, char32_t>{c, 0});
    if (it != std::end(kTraditionalSimplified) && it->first == c) c = it->second;
  }
  return to_utf8(s);
}

// UTF-8 with a few bad bytes (a crawler's cut, one corrupted byte): each bad
// byte becomes U+FFFD. "A few": at most 1 in 200 bytes, and real multi-byte
// characters around them — GB18030 or Big5 Chinese read as UTF-8 is about
// half bad bytes, so the two are never confused.
std::optional<std::string> nearly_utf8(std::string_view bytes, size_t* replaced) {
  std::string out;
  out.reserve(bytes.size() + 16);
  size_t bad = 0, multibyte = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(bytes.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(bytes.size());
  while (n > 0) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(p, n, &c);
    if (k <= 0) {
      ++bad;
      out += "\xEF\xBF\xBD";
      k = 1;
    } else {
      multibyte += k > 1;
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(k));
    }
    p += k, n -= k;
  }
  if (bad == 0 || bad * 200 > bytes.size() || multibyte < 10 * bad) return std::nullopt;
  if (replaced) *replaced = bad;
  return out;
}

std::optional<std::string> decode_text(std::string_view bytes, std::string& encoding, size_t* replaced) {
  if (replaced) *replaced = 0;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    encoding = "UTF-16";
    return iconv_convert(bytes, "UTF-16");
  }
  if (auto text = decode_unmarked_utf16(bytes, encoding)) return text;
  if (valid_utf8(bytes)) {
    encoding = "UTF-8";
    return std::string(bytes);
  }
  if (auto text = nearly_utf8(bytes, replaced)) {
    encoding = "UTF-8";
    return text;
  }
  // Big5's byte pairs are nearly all valid GB18030 too, so decoding one as
  // the other gives well-formed nonsense: only a detector tells them apart.
  if (detected_charset(bytes) == "BIG5") {
    if (auto text = iconv_convert(bytes, "BIG5-HKSCS")) {
      encoding = "Big5";
      return to_simplified(*text);
    }
  }
  encoding = "GB18030";
  return iconv_convert(bytes, "GB18030");
}

std::string nfkc(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  auto opts = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT);
  utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                    static_cast<utf8proc_ssize_t>(s.size()), &out, opts);
  if (n < 0) return std::string(s);
  std::string r(reinterpret_cast<char*>(out), static_cast<size_t>(n));
  std::free(out);
  return r;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size());
  while (n > 0) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate(p, n, &c);
    if (k <= 0) {  // skip one invalid byte rather than fail
      out.push_back(U'\uFFFD');
      k = 1;
    } else {
      out.push_back(static_cast<char32_t>(c));
    }
    p += k;
    n -= k;
  }
  return out;
}

std::string to_utf8(char32_t c) {
  utf8proc_uint8_t buf[4];
  auto k = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), buf);
  return std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(k));
}

std::string to_utf8(std::u32string_view s) {
  std::string out;
  out.reserve(s.size() * 3);
  for (char32_t c : s) out += to_utf8(c);
  return out;
}

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0xF900 && c <= 0xFAFF);
}

std::u32string han_only(std::u32string_view s) {
  std::u32string out;
  for (char32_t c : s)
    if (is_han(c)) out.push_back(c);
  return out;
}

std::u32string han_only(std::string_view utf8) { return han_only(to_u32(utf8)); }

std::string squeeze_space(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace gongkai
