// libFuzzer target: the URL hash codec (issue 14, "Parsers, fuzzed"). Any bytes are a hash as a
// pasted link would carry it; nothing may crash, and:
//   url_decode(url_encode(s)) == s for every s;
//   a hash that reads as a config (leniently, as the page reads it) gives a URL (config_to_hash,
//   what the page writes) that is stable: config -> URL -> config is the same config with no
//   errors, and -> URL again the same text.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/config/url_codec.hpp"
#include "fuzz_check.hpp"
#include "../core/config_equal.hpp"

using lrlab::fuzz::require;

namespace
{

// The page's default runs (src/app/lessons.cpp, default_runs_json): the fallback of a hash
// whose runs cannot be read.
const nlohmann::json& default_runs()
{
    static const nlohmann::json runs = nlohmann::json::parse(R"([
        {"name": "sgd 0.03", "optimizer": {"type": "sgd", "lr": 0.03}},
        {"name": "sgd 0.3", "optimizer": {"type": "sgd", "lr": 0.3}},
        {"name": "sgd 3", "optimizer": {"type": "sgd", "lr": 3}},
        {"name": "adam 0.01", "optimizer": {"type": "adam", "lr": 0.01}}])");
    return runs;
}

lrlab::ConfigResult read_hash(const std::string& hash, std::vector<lrlab::ConfigError>& errors)
{
    const lrlab::HashResult decoded = lrlab::hash_to_json(hash);
    return lrlab::read_url_config(nlohmann::json::object(), decoded, default_runs(), errors);
}

void check_stable(const lrlab::Config& c, const std::string& input)
{
    const std::string url = lrlab::config_to_hash(c);
    const lrlab::HashResult decoded = lrlab::hash_to_json(url);
    require(decoded.errors.empty(), "the URL of a config does not decode cleanly", input);
    std::vector<lrlab::ConfigError> errors;
    const lrlab::ConfigResult again = read_hash(url, errors);
    require(again.ok() && errors.empty(), "the URL of a config reads with errors", input);
    require(again.config == c, "config -> URL -> config changes the config", input);
    require(lrlab::config_to_hash(again.config) == url,
            "config -> URL -> config -> URL changes the URL", input);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    bool ok = true;
    require(lrlab::url_decode(lrlab::url_encode(input), ok) == input && ok,
            "url_decode(url_encode(s)) != s", input);
    lrlab::url_decode(input, ok);  // bad percent-encoding: refused, never read past the end

    std::vector<lrlab::ConfigError> errors;
    const lrlab::ConfigResult r = read_hash(input, errors);
    for (const lrlab::ConfigError& e : errors)
        require(!e.message.empty(), "an error without a message", input);
    if (r.ok())
        check_stable(r.config, input);
    return 0;
}
