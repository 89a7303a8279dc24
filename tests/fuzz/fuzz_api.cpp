// libFuzzer target: the page's message dispatcher (src/app/api_dispatch.hpp), what window.lrlab
// and a host page's postMessage reach (issue 14). An input is up to 16 calls to one page,
// separated by '\x1e' (RS), each one of
//   VERB                    no argument
//   VERB '\n' TEXT          the argument's JSON text (any bytes)
//   VERB '\t' TEXT          an argument declared longer than the verb's limit (never fetched)
// The page is FakePage (fake_page.hpp): core's validators, lessons, URL and CSV readers and
// PyTorch export, over a state small enough to compare whole. The oracle:
//   - every reply is JSON, an object with exactly one key, "result" or "error" (a message);
//   - an error, or a result {ok: false}, leaves the page's state as it was (ui notices aside);
//   - an argument over its limit, or one that is not JSON, never reaches the page (only its
//     notice: Import says it refused), and its text is never fetched when over the limit;
//   - after a call that changed the config (or the view), setConfig(getConfig()) is ok and
//     getConfig answers the same config again.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "app/api_dispatch.hpp"
#include "core/config/json.hpp"
#include "fake_page.hpp"
#include "fuzz_check.hpp"

using lrlab::ConfigError;
using lrlab::fuzz::FakePage;
using lrlab::fuzz::PageState;
using lrlab::fuzz::require;
using nlohmann::json;

namespace
{

// The reply, checked for its shape; null when it breaks the contract (require aborts first).
json checked_reply(const std::string& reply, const std::string& input)
{
    const json r = json::parse(reply, nullptr, false);
    require(!r.is_discarded(), "the reply is not JSON", input + " -> " + reply);
    require(r.is_object() && r.size() == 1, "the reply is not an object with one key",
            input + " -> " + reply);
    require(r.contains("result") || r.contains("error"), "the reply has no result or error",
            input + " -> " + reply);
    if (r.contains("error"))
        require(r["error"].is_string() && !r["error"].get<std::string>().empty(),
                "an error without a message", input + " -> " + reply);
    return r;
}

bool refused(const json& reply)
{
    if (reply.contains("error"))
        return true;
    const json& r = reply["result"];
    return r.is_object() && r.contains("ok") && r["ok"] == false;
}

// setConfig(getConfig()) is ok, and getConfig answers the same config again.
void check_round_trip(FakePage& page, const std::string& input)
{
    const json first = checked_reply(lrlab::api_dispatch(page, "getConfig", nullptr), input);
    require(first.contains("result") && first["result"].is_object(), "getConfig failed", input);
    const std::string text = first["result"].dump();
    const json set = checked_reply(lrlab::api_dispatch(page, "setConfig", &text), input);
    require(!refused(set), "setConfig(getConfig()) is refused", input + " -> " + set.dump());
    const json again = checked_reply(lrlab::api_dispatch(page, "getConfig", nullptr), input);
    require(again == first, "getConfig changed after setConfig(getConfig())", input);
}

// Whether the call changed the config or the view (the round trip is then checked).
bool config_changed(const PageState& a, const PageState& b)
{
    return !(a.config == b.config) || a.landscape != b.landscape ||
           a.has_surface != b.has_surface ||
           (a.has_surface && lrlab::to_json(a.surface) != lrlab::to_json(b.surface));
}

// One call, VERB [('\n' | '\t') TEXT], on `page`, with every check of the oracle.
void check_call(FakePage& page, const std::string& call, const std::string& input)
{
    const std::size_t sep = call.find_first_of("\n\t");
    const std::string verb = call.substr(0, sep);
    const bool given = sep != std::string::npos;
    const bool oversize = given && call[sep] == '\t';
    const std::string text = given ? call.substr(sep + 1) : std::string();

    const PageState before = page.s;
    const int reached = page.reached;
    bool fetched = false;
    lrlab::ApiArgument arg;
    arg.given = given;
    arg.bytes = oversize ? lrlab::max_arg_bytes(verb) + 1 + text.size() : text.size();
    arg.text = [&]
    {
        require(!fetched, "the argument was fetched twice", input);
        fetched = true;
        return text;
    };
    const json reply = checked_reply(lrlab::api_dispatch(page, verb, arg), input);

    if (refused(reply))
        require(page.s == before, "a refused call changed the page", input);
    if (oversize)
    {
        require(!fetched, "an argument over the limit was fetched", input);
        require(page.reached == reached, "an argument over the limit reached the page", input);
        require(refused(reply), "an argument over the limit was not refused", input);
    }
    json parsed;
    ConfigError syntax;
    if (given && !oversize && !lrlab::parse_json_text(text, parsed, syntax))
    {
        require(page.reached == reached, "an argument that is not JSON reached the page", input);
        require(refused(reply), "an argument that is not JSON was not refused", input);
    }
    // On a copy: the round trip's setConfig must not change what the next calls see.
    if (config_changed(page.s, before))
    {
        FakePage copy = page;
        check_round_trip(copy, input);
    }
}

}  // namespace

// The calls of an input, separated by '\x1e' (RS), go to one page in turn.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    FakePage page;
    std::size_t at = 0;
    for (int calls = 0; calls < 16; ++calls)  // a bound: each call may rebuild a config
    {
        const std::size_t end = input.find('\x1e', at);
        check_call(page, input.substr(at, end == std::string::npos ? end : end - at), input);
        if (end == std::string::npos)
            break;
        at = end + 1;
    }
    return 0;
}
