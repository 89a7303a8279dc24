// JSON text -> nlohmann::json without exceptions: a SAX handler builds the document and records
// the first syntax error (with its line and column) instead of throwing, so this works in the
// page's -fno-exceptions build too.
//
// Two refinements over nlohmann's own DOM parser:
// - a number too large for a double (1e999) is read as +-infinity rather than failing the whole
//   text, so that the validator reports it at its JSON path ("must be finite, got inf"), however
//   many there are; the text is scanned for them once, before parsing;
// - a key repeated in one object is an error (nlohmann keeps the last one silently).
// Text longer than json_limits::max_bytes or holding more than json_limits::max_values values
// is refused before anything is built (the values are counted in the same pass that marks
// overflows); text nested deeper than json_limits::max_depth as soon as the builder gets there
// (it keeps a path per level).
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/config/json.hpp"
#include "core/config/json_limits.hpp"
#include "core/config/keys.hpp"

namespace lrlab
{
namespace
{

using config_detail::json;

// Overflowing numbers are rewritten in the text to these strings (same length, padded with
// spaces, so positions of errors do not move); the handler turns them into +-infinity.
// DEL (0x7f) may stand unescaped in a JSON string and is never typed by hand.
const std::string overflow_pos = "\x7f+";
const std::string overflow_neg = "\x7f-";

class DomBuilder
{
public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    explicit DomBuilder(json& root) : root_(root) {}

    bool null() { return put(json(nullptr)); }
    bool boolean(bool b) { return put(json(b)); }
    bool number_integer(number_integer_t v) { return put(json(v)); }
    bool number_unsigned(number_unsigned_t v) { return put(json(v)); }
    bool number_float(number_float_t v, const string_t&) { return put(json(v)); }
    bool binary(binary_t& b) { return put(json::binary(b)); }
    bool string(string_t& s)
    {
        if (s == overflow_pos || s == overflow_neg)
            return put(json(s == overflow_pos ? config_detail::inf : -config_detail::inf));
        return put(json(std::move(s)));
    }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(string_t& k)
    {
        if (stack_.back().node->contains(k))
        {
            duplicate_ = config_detail::join(stack_.back().path, k);
            return false;
        }
        key_ = k;
        return true;
    }
    bool parse_error(std::size_t position, const std::string& token,
                     const nlohmann::detail::exception& ex)
    {
        failed_ = true;
        error_id_ = ex.id;
        position_ = position;
        token_ = token;
        message_ = ex.what();
        return false;
    }

    bool failed_ = false;
    int error_id_ = 0;
    std::size_t position_ = 0;
    std::string token_, message_, duplicate_;
    std::string too_deep_;  // the path of the first value nested past max_depth ("" = none)

private:
    struct Frame
    {
        json* node;
        std::string path;
    };

    std::string child_path() const
    {
        if (stack_.empty())
            return "";
        const Frame& top = stack_.back();
        return top.node->is_array() ? config_detail::index_path(top.path, top.node->size())
                                    : config_detail::join(top.path, key_);
    }
    json* insert(json&& v)
    {
        if (stack_.empty())
        {
            root_ = std::move(v);
            return &root_;
        }
        json& parent = *stack_.back().node;
        if (parent.is_array())
        {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        json& slot = parent[key_];
        slot = std::move(v);
        return &slot;
    }
    bool put(json&& v)
    {
        insert(std::move(v));
        return true;
    }
    bool open(json&& container)
    {
        std::string path = child_path();
        if (stack_.size() >= json_limits::max_depth)
        {
            too_deep_ = path;  // never empty: the top level is depth 0
            return false;
        }
        stack_.push_back({insert(std::move(container)), std::move(path)});
        return true;
    }
    bool close()
    {
        stack_.pop_back();
        return true;
    }

    json& root_;
    std::vector<Frame> stack_;
    std::string key_;
};

// "line 3, column 7: <what went wrong>" from nlohmann's message, or computed from the offset.
std::string position_message(const std::string& text, const DomBuilder& b)
{
    const std::string& what = b.message_;
    const std::size_t at = what.find(" at line ");
    const std::size_t colon = what.find(": ", at == std::string::npos ? 0 : at);
    if (at != std::string::npos && colon != std::string::npos)
        return what.substr(at + 4, colon - at - 4) + ": " + what.substr(colon + 2);
    std::size_t line = 1, column = 0;
    for (std::size_t i = 0; i < b.position_ && i < text.size(); ++i)
    {
        column = text[i] == '\n' ? 0 : column + 1;
        line += text[i] == '\n' ? 1 : 0;
    }
    const std::size_t bracket = what.find("] ");
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " +
           (bracket == std::string::npos ? what : what.substr(bracket + 2));
}

// The end of the JSON number token starting at `i` (JSON's grammar: -?(0|[1-9][0-9]*)
// (.[0-9]+)?([eE][+-]?[0-9]+)?), or npos if the text there is not a whole number token.
std::size_t number_end(const std::string& t, std::size_t i)
{
    const auto digit = [&t](std::size_t k) { return k < t.size() && t[k] >= '0' && t[k] <= '9'; };
    const auto digits = [&](std::size_t k)
    {
        while (digit(k))
            ++k;
        return k;
    };
    if (i < t.size() && t[i] == '-')
        ++i;
    if (!digit(i))
        return std::string::npos;
    i = t[i] == '0' ? i + 1 : digits(i);
    if (i < t.size() && t[i] == '.')
    {
        if (!digit(i + 1))
            return std::string::npos;
        i = digits(i + 1);
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E'))
    {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digit(i))
            return std::string::npos;
        i = digits(i);
    }
    return i;
}

// One pass over the text: every number in a value position (at the start, or after '[', ',' or
// ':' outside strings) that overflows a double, as nlohmann's strtod reads it, is replaced by
// its marker. Each number is read once, so a text full of 1e999 costs one pass, not one pass
// per number (issue 14, defect 8: 999 of them took 10 s). Returns how many values the text
// holds: a value starts at the top, after '[' or after ',' in an array, and after ':' (a string
// after '{' or ',' in an object is a key). Malformed text gets a count too; the parser then
// says what is wrong with it.
std::size_t mark_overflows(std::string& text)
{
    std::vector<bool> in_object;  // per open container: an object (true) or an array
    std::size_t values = 0;
    char before = ',';  // the last character outside strings and whitespace; ',': a value next
    const auto value_next = [&]()
    {
        if (before == ':' || (before == '[' && !in_object.empty() && !in_object.back()))
            return true;
        if (before == ',')
            return in_object.empty() || !in_object.back();
        return false;
    };
    for (std::size_t i = 0; i < text.size();)
    {
        const char c = text[i];
        const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (!space && c != ']' && c != '}' && c != ',' && c != ':' && value_next())
            ++values;
        if (c == '[' || c == '{')
            in_object.push_back(c == '{');
        else if ((c == ']' || c == '}') && !in_object.empty())
            in_object.pop_back();
        if (c == '"')  // skip the string, escapes included
        {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                i += text[i] == '\\' ? 1 : 0;
            ++i;
            before = '"';
            continue;
        }
        const std::size_t end = (c == '-' || (c >= '0' && c <= '9')) ? number_end(text, i)
                                                                    : std::string::npos;
        if (end == std::string::npos)
        {
            before = space ? before : c;
            ++i;
            continue;
        }
        const std::string token = text.substr(i, end - i);
        const bool value_position = before == ',' || before == '[' || before == ':';
        if (value_position && token.size() >= 4 &&
            !std::isfinite(std::strtod(token.c_str(), nullptr)))
        {
            const std::string& marker = token[0] == '-' ? overflow_neg : overflow_pos;
            text.replace(i, token.size(),
                         "\"" + marker + "\"" + std::string(token.size() - 4, ' '));
        }
        before = '0';
        i = end;
    }
    return values;
}

}  // namespace

// "64 MiB (67108864 bytes)", "64 KiB (65536 bytes)", or "1000 bytes".
std::string byte_limit_text(std::size_t bytes)
{
    const std::string exact = std::to_string(bytes) + " bytes";
    if (bytes > 0 && bytes % (1u << 20) == 0)
        return std::to_string(bytes >> 20) + " MiB (" + exact + ")";
    if (bytes > 0 && bytes % (1u << 10) == 0)
        return std::to_string(bytes >> 10) + " KiB (" + exact + ")";
    return exact;
}

std::string too_large_message(const std::string& what, std::size_t bytes, std::size_t limit)
{
    return what + " is " + std::to_string(bytes) + " bytes; the limit is " +
           byte_limit_text(limit);
}

bool parse_json_text(const std::string& input, nlohmann::json& out, ConfigError& error)
{
    out = nlohmann::json();
    if (input.size() > json_limits::max_bytes)
    {
        error = {"", too_large_message("the JSON text", input.size(), json_limits::max_bytes)};
        return false;
    }
    std::string text = input;
    const std::size_t values = mark_overflows(text);
    if (values > json_limits::max_values)
    {
        error = {"", "the JSON text has " + std::to_string(values) +
                         " values (numbers, strings, arrays, ...); the limit is " +
                         std::to_string(json_limits::max_values)};
        return false;
    }
    out = nlohmann::json();
    DomBuilder builder(out);
    if (nlohmann::json::sax_parse(text, &builder))
        return true;
    out = nlohmann::json();
    if (!builder.too_deep_.empty())
        error = {builder.too_deep_, "nested more than " + std::to_string(json_limits::max_depth) +
                                        " arrays and objects deep (the limit is " +
                                        std::to_string(json_limits::max_depth) + ")"};
    else if (!builder.duplicate_.empty())
        error = {builder.duplicate_, "duplicate key (a key may appear once per object)"};
    else
        error = {"", position_message(text, builder)};
    return false;
}

ConfigResult parse_config_text(const std::string& text)
{
    nlohmann::json j;
    ConfigError error;
    if (!parse_json_text(text, j, error))
    {
        ConfigResult result;
        result.errors.push_back(error);
        return result;
    }
    return parse_config(j);
}

}  // namespace lrlab
