// libFuzzer target: the experiment config's JSON reader and validator (issue 14, "Parsers,
// fuzzed"). Any bytes go in; nothing may crash, every error must name what is wrong, and a
// config that validates must survive the round trips the CLI and the page rely on:
//   text -> Config -> to_json -> Config          (the same Config, config_equal.hpp)
//   Config -> to_minimal_json -> Config          (what URLs carry)
//   Config -> to_json -> dump -> text -> Config  (what `lrlab validate` of an export reads)
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/config/json.hpp"
#include "fuzz_check.hpp"
#include "../core/config_equal.hpp"

using lrlab::fuzz::require;

namespace
{

void check_round_trips(const lrlab::Config& c, const std::string& input)
{
    const nlohmann::json full = lrlab::to_json(c);
    const lrlab::ConfigResult again = lrlab::parse_config(full);
    require(again.ok(), "to_json of a valid config is refused", input);
    require(again.config == c, "parse(to_json(c)) != c", input);

    const lrlab::ConfigResult minimal = lrlab::parse_config(lrlab::to_minimal_json(c));
    require(minimal.ok(), "to_minimal_json of a valid config is refused", input);
    require(minimal.config == c, "parse(to_minimal_json(c)) != c", input);

    const lrlab::ConfigResult text = lrlab::parse_config_text(full.dump());
    require(text.ok(), "the text of to_json is refused", input);
    require(text.config == c, "parse_text(dump(to_json(c))) != c", input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const lrlab::ConfigResult r = lrlab::parse_config_text(input);
    if (!r.ok())
    {
        for (const lrlab::ConfigError& e : r.errors)
            require(!e.message.empty(), "an error without a message", input);
        return 0;
    }
    check_round_trips(r.config, input);
    return 0;
}
