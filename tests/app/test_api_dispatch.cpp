// The replies of the page's message dispatcher (src/app/api_dispatch.hpp), byte for byte: the
// browser tests and host pages read these texts, so a refactoring must not change one of them.
// The page is the fuzz target's (tests/fuzz/fake_page.hpp).
#include <doctest/doctest.h>

#include <string>

#include "../fuzz/fake_page.hpp"
#include "app/api_dispatch.hpp"

using namespace lrlab;
using lrlab::fuzz::FakePage;

namespace
{

std::string call(FakePage& page, const std::string& verb, const char* arg)
{
    const std::string text = arg ? arg : "";
    return api_dispatch(page, verb, arg ? &text : nullptr);
}

// A call whose argument says it has `bytes` bytes; true in `fetched` if its text was asked for.
std::string call_sized(FakePage& page, const std::string& verb, std::size_t bytes, bool& fetched)
{
    ApiArgument arg;
    arg.given = true;
    arg.bytes = bytes;
    arg.text = [&fetched]
    {
        fetched = true;
        return std::string("{}");
    };
    return api_dispatch(page, verb, arg);
}

}  // namespace

TEST_CASE("api_dispatch: the shared replies, byte for byte")
{
    struct Case
    {
        const char* verb;
        const char* arg;  // null: no argument
        const char* reply;
    };
    const Case cases[] = {
        {"frobnicate", nullptr, R"j({"error":"unknown verb \"frobnicate\""})j"},
        {"frobnicate", "[", R"j({"error":"frobnicate: line 1, column 2: syntax error while )j"
                            R"j(parsing value - unexpected end of input; expected '[', '{', or )j"
                            R"j(a literal"})j"},
        {"step", nullptr, R"j({"result":1})j"},
        {"step", "3", R"j({"result":3})j"},
        {"step", "-1", R"j({"error":"step(n): n must be a non-negative integer, got -1"})j"},
        {"step", "null", R"j({"error":"step(n): n must be a non-negative integer, got null )j"
                         R"j((NaN, Infinity or null)"})j"},
        {"step", "\"12345678901234567890123456789012345678901234567890\"",
         R"j({"error":"step(n): n must be a non-negative integer, got )j"
         R"j(\"123456789012345678901234567890123456789"})j"},
        {"speed", "0", R"j({"error":"unknown verb \"speed\""})j"},
        {"speed", "4294967297", R"j({"error":"unknown verb \"speed\""})j"},
        {"speed", "10", R"j({"result":null})j"},
        {"setView", "1", R"j({"error":"unknown verb \"setView\""})j"},
        {"importConfig", "{}", R"j({"error":"unknown verb \"importConfig\""})j"},
        {"setConfig", "[1]", R"j({"result":{"errors":[{"message":"must be a JSON object",)j"
                             R"j("path":""}],"ok":false}})j"},
        {"setConfig", "{", R"j({"result":{"errors":[{"message":"line 1, column 2: syntax )j"
                           R"j(error while parsing object key - unexpected end of input; )j"
                           R"j(expected string literal","path":""}],"ok":false}})j"},
        {"importTooLarge", "70000000",
         R"j({"result":{"errors":[{"message":"the file is 70000000 bytes; the limit is 64 MiB )j"
         R"j((67108864 bytes)","path":""}],"ok":false}})j"},
        {"importPoints", R"j({"name":"a.csv","text":"","bytes":70000000})j",
         R"j({"result":{"errors":[{"message":"the file is 70000000 bytes; the limit is 64 MiB )j"
         R"j((67108864 bytes)","path":"a.csv"}],"ok":false}})j"},
        {"lesson", R"j({"name":"momentum","seed":-2})j",
         R"j({"error":"lesson(name, seed): seed must be an integer 0..4294967295, got -2"})j"},
        {"lesson", R"j({"name":"momentum"})j", R"j({"error":"unknown verb \"lesson\""})j"},
        {"history", nullptr, R"j({"result":{"run 1":[]}})j"},
        {"play", "[\"ignored\"]", R"j({"result":null})j"},
    };
    for (const Case& c : cases)
    {
        FakePage page;
        CAPTURE(c.verb);
        CAPTURE(c.arg ? c.arg : "(none)");
        CHECK(call(page, c.verb, c.arg) == c.reply);
    }
}

TEST_CASE("api_dispatch: an argument over its verb's limit is refused before it is fetched")
{
    FakePage page;
    bool fetched = false;
    CHECK(call_sized(page, "setConfig", max_arg_bytes("setConfig") + 1, fetched) ==
          R"j({"result":{"errors":[{"message":"the config is 67108865 bytes; the limit is 64 MiB )j"
          R"j((67108864 bytes)","path":""}],"ok":false}})j");
    CHECK(call_sized(page, "importConfig", max_arg_bytes("importConfig") + 1, fetched) ==
          R"j({"result":{"errors":[{"message":"the argument is 134217731 bytes; the limit is )j"
          R"j(134217730 bytes","path":""}],"ok":false}})j");
    CHECK(page.notices == 1);  // Import's notice says why
    CHECK(call_sized(page, "state", max_arg_bytes("state") + 1, fetched) ==
          R"j({"error":"state: the argument is 65537 bytes; the limit is 64 KiB (65536 bytes)"})j");
    CHECK_FALSE(fetched);
    CHECK(page.reached == 0);
    // At the limit the text is fetched (and read).
    CHECK(call_sized(page, "state", max_arg_bytes("state"), fetched).rfind("{\"result\":", 0) == 0);
    CHECK(fetched);
}

TEST_CASE("api_dispatch: setConfig clears the lesson only when the config is taken")
{
    FakePage page;
    REQUIRE(call(page, "lesson", "\"momentum\"") == R"j({"result":{"errors":[],"ok":true}})j");
    REQUIRE(page.s.lesson == "momentum");
    CHECK(call(page, "setConfig", R"j({"seed": -1})j").find("\"ok\":false") != std::string::npos);
    CHECK(page.s.lesson == "momentum");
    CHECK(call(page, "setConfig", R"j({"seed": 5})j") ==
          R"j({"result":{"errors":[],"ok":true}})j");
    CHECK(page.s.lesson.empty());
}
