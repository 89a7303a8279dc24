// libFuzzer target: the page's message dispatcher (src/app/api_dispatch.hpp), what window.lrlab
// and a host page's postMessage reach (issue 14). An input is one call:
//   VERB                    no argument
//   VERB '\n' TEXT          the argument's JSON text (any bytes)
//   VERB '\t' TEXT          an argument declared longer than the verb's limit (never fetched)
// The page is FakePage (fake_page.hpp): core's validators, lessons, URL and CSV readers and
// PyTorch export, over a state small enough to compare whole. The oracle:
//   - every reply is JSON, an object with exactly one key, "result" or "error" (a message);
//   - an error, or a result {ok: false}, leaves the page's state as it was;
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::size_t sep = input.find_first_of("\n\t");
    const std::string verb = input.substr(0, sep);
    const bool given = sep != std::string::npos;
    const bool oversize = given && input[sep] == '\t';
    const std::string text = given ? input.substr(sep + 1) : std::string();

    FakePage page;
    const PageState before = page.s;
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
        require(page.reached == 0, "an argument over the limit reached the page", input);
        require(refused(reply), "an argument over the limit was not refused", input);
    }
    json parsed;
    ConfigError syntax;
    if (given && !oversize && !lrlab::parse_json_text(text, parsed, syntax))
    {
        require(page.reached == 0, "an argument that is not JSON reached the page", input);
        require(refused(reply), "an argument that is not JSON was not refused", input);
    }
    // The page's first config round-trips on every input that leaves it: check changed ones.
    if (!(page.s.config == before.config) || page.s.landscape != before.landscape ||
        page.s.has_surface != before.has_surface ||
        (page.s.has_surface && lrlab::to_json(page.s.surface) != lrlab::to_json(before.surface)))
        check_round_trip(page, input);
    return 0;
}
