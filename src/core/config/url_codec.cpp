// URL hash <-> JSON (core/config/url_codec.hpp). Sections: [Encoding] [Writing] [Reading]
// (lenient reading: url_lenient.cpp)
#include "core/config/url_codec.hpp"

#include <cstdint>

#include <cctype>

namespace lrlab
{

using nlohmann::json;

// ---- [Encoding] ------------------------------------------------------------------------------

namespace
{

// Characters kept as they are: RFC 3986's unreserved and most sub-delims, which browsers leave
// alone in a fragment, so that `runs[0].optimizer.lr=0.01` stays readable. '&', '=', '#', '%'
// and '"' are always encoded; '+' is kept and never read as a space.
bool keep_readable(unsigned char c)
{
    if (std::isalnum(c))
        return true;
    switch (c)
    {
    case '-': case '_': case '.': case '~': case '!': case '$': case '\'': case '(': case ')':
    case '*': case '+': case ',': case ';': case ':': case '@': case '/': case '?': case '[':
    case ']':
        return true;
    default:
        return false;
    }
}

int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string url_encode(const std::string& s)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (unsigned char c : s)
    {
        if (keep_readable(c))
            out += char(c);
        else
        {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

std::string url_decode(const std::string& s, bool& ok)
{
    ok = true;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i)
    {
        if (s[i] != '%')
        {
            out += s[i];
            continue;
        }
        const int hi = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
        const int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
        if (hi < 0 || lo < 0)
        {
            ok = false;
            return out;
        }
        out += char(hi * 16 + lo);
        i += 2;
    }
    return out;
}

// ---- [Writing] -------------------------------------------------------------------------------

namespace
{

// A string that reads back as itself when written bare: identifier-like and not a JSON word.
bool bare_word(const std::string& s)
{
    if (s.empty() || s == "true" || s == "false" || s == "null")
        return false;
    if (!(std::isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
        return false;
    for (unsigned char c : s)
    {
        if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-'))
            return false;
    }
    return true;
}

std::string literal(const json& v)
{
    if (v.is_string() && bare_word(v.get_ref<const std::string&>()))
        return v.get_ref<const std::string&>();
    return v.dump();  // nlohmann writes doubles in their shortest round-trip form
}

bool is_array_of_objects(const json& v)
{
    if (!v.is_array() || v.empty())
        return false;
    for (const json& e : v)
    {
        if (!e.is_object())
            return false;
    }
    return true;
}

void flatten(const json& v, const std::string& path, std::vector<std::string>& pairs)
{
    if (v.is_object())
    {
        for (auto it = v.begin(); it != v.end(); ++it)
            flatten(it.value(), path.empty() ? it.key() : path + "." + it.key(), pairs);
        return;
    }
    if (is_array_of_objects(v))
    {
        for (std::size_t i = 0; i < v.size(); ++i)
        {
            const std::string p = path + "[" + std::to_string(i) + "]";
            if (v[i].empty())
                pairs.push_back(url_encode(p) + "=" + url_encode("{}"));  // keeps the index
            else
                flatten(v[i], p, pairs);
        }
        return;
    }
    pairs.push_back(url_encode(path) + "=" + url_encode(literal(v)));
}

}  // namespace

std::string json_to_hash(const json& j)
{
    std::vector<std::string> pairs;
    if (j.is_object())
        flatten(j, "", pairs);
    std::string out;
    for (const std::string& p : pairs)
        out += (out.empty() ? "" : "&") + p;
    return out;
}

json to_url_json(const Config& c)
{
    json j = to_minimal_json(c);
    if (!j.contains("runs"))
        j["runs"] = json::array({{{"optimizer", {{"type", "sgd"}}}}});
    return j;
}

std::string config_to_hash(const Config& c) { return json_to_hash(to_url_json(c)); }

// ---- [Reading] -------------------------------------------------------------------------------

namespace
{

constexpr long max_index = 64;  // beyond any list a config holds (runs <= 16)

// nlohmann-json cannot write invalid UTF-8 (it throws, and the page has no exceptions).
bool valid_utf8(const std::string& s)
{
    // RFC 3629, as strictly as nlohmann's dump() checks it (which throws otherwise): no
    // overlong forms, no surrogates (U+D800..DFFF), nothing above U+10FFFF. A %-encoded
    // surrogate (%ed%a0%80) passed a lead/continuation check and then threw in dump() (found by
    // tests/hardening's malformed URLs).
    std::size_t i = 0;
    while (i < s.size())
    {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80          ? 0
                              : (c >> 5) == 6   ? 1
                              : (c >> 4) == 14  ? 2
                              : (c >> 3) == 30  ? 3
                                                : 9;  // 9: not a lead byte
        if (n == 9 || i + n >= s.size())
            return false;
        std::uint32_t cp = n == 0 ? c : c & (0x3fu >> n);
        for (std::size_t k = 1; k <= n; ++k)
        {
            const unsigned char b = static_cast<unsigned char>(s[i + k]);
            if ((b >> 6) != 2)
                return false;
            cp = (cp << 6) | (b & 0x3fu);
        }
        const std::uint32_t least[] = {0, 0x80, 0x800, 0x10000};
        if (cp < least[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        i += n + 1;
    }
    return true;
}

// Puts `value` at `parts` inside `root`, creating objects and arrays on the way.
bool insert_at(json& root, const std::vector<PathPart>& parts, const json& value,
               std::string& message)
{
    json* cur = &root;
    for (std::size_t k = 0; k < parts.size(); ++k)
    {
        const PathPart& p = parts[k];
        if (p.index >= 0)
        {
            if (p.index > max_index)
                return message = "index too large", false;
            if (cur->is_null())
                *cur = json::array();
            if (!cur->is_array())
                return message = "conflicts with another key", false;
            while (cur->size() <= std::size_t(p.index))
                cur->push_back(nullptr);
            cur = &(*cur)[std::size_t(p.index)];
        }
        else
        {
            if (cur->is_null())
                *cur = json::object();
            if (!cur->is_object())
                return message = "conflicts with another key", false;
            cur = &(*cur)[p.key];
        }
    }
    if (!cur->is_null())
        return message = "given twice", false;
    *cur = value;
    return true;
}

}  // namespace

HashResult hash_to_json(const std::string& hash)
{
    HashResult r;
    std::size_t start = (!hash.empty() && hash[0] == '#') ? 1 : 0;
    while (start <= hash.size())
    {
        std::size_t amp = hash.find('&', start);
        if (amp == std::string::npos)
            amp = hash.size();
        const std::string pair = hash.substr(start, amp - start);
        start = amp + 1;
        if (pair.empty())
            continue;
        const std::size_t eq = pair.find('=');
        bool key_ok = true, value_ok = true;
        const std::string key = url_decode(pair.substr(0, eq), key_ok);
        if (eq == std::string::npos)
        {
            r.errors.push_back({key, "expected key=value"});
            continue;
        }
        const std::string text = url_decode(pair.substr(eq + 1), value_ok);
        std::vector<PathPart> parts;
        if (!valid_utf8(key) || !valid_utf8(text))
        {
            r.errors.push_back({valid_utf8(key) ? key : "?", "not UTF-8 text"});
            continue;
        }
        if (!key_ok || !parse_json_path(key, parts))
        {
            r.errors.push_back({key, "not a key (expected e.g. runs[0].optimizer.lr)"});
            continue;
        }
        if (!value_ok)
        {
            r.errors.push_back({key, "bad %-encoding in the value"});
            continue;
        }
        // Read with the config's own bounds (json_limits.hpp): nlohmann's parse has no depth
        // limit, and a value nested 100,000 deep overflowed the stack when copied (found by
        // tests/hardening's malformed URLs). Text that is no JSON reads as a string; JSON
        // refused for its depth or a duplicate key (an error with a path) is an error.
        json value;
        ConfigError parse_error;
        if (!parse_json_text(text, value, parse_error))
        {
            if (!parse_error.path.empty())
            {
                r.errors.push_back({key, parse_error.message});
                continue;
            }
            value = text;  // a bare word reads as a string
        }
        std::string message;
        if (value.is_null())
            r.errors.push_back({key, "null is not a value"});
        else if (!insert_at(r.json, parts, value, message))
            r.errors.push_back({key, message});
    }
    return r;
}

}  // namespace lrlab
