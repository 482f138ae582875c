#include "text/unicode.h"

#include <iconv.h>
#include <utf8proc.h>

#include <cstdlib>
#include <memory>

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

}  // namespace

std::optional<std::string> decode_text(std::string_view bytes, std::string& encoding) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    encoding = "UTF-16";
    return iconv_convert(bytes, "UTF-16");
  }
  if (valid_utf8(bytes)) {
    encoding = "UTF-8";
    return std::string(bytes);
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
