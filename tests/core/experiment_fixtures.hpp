// Helpers for the experiment tests: configs from JSON text, histories compared bit for bit.
#pragma once

#include <doctest/doctest.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/config/json.hpp"
#include "core/train/experiment.hpp"

namespace lrlab::testing
{

inline Config config_from(const std::string& json_text)
{
    const ConfigResult r = parse_config_text(json_text);
    for (const ConfigError& e : r.errors)
        FAIL_CHECK(to_string(e));
    REQUIRE(r.ok());
    return r.config;
}

inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

inline bool same_row(const MetricsRow& a, const MetricsRow& b)
{
    return a.step == b.step && same_bits(a.epoch, b.epoch) && same_bits(a.lr, b.lr) &&
           same_bits(a.train_loss, b.train_loss) && same_bits(a.test_loss, b.test_loss) &&
           same_bits(a.train_acc, b.train_acc) && same_bits(a.test_acc, b.test_acc) &&
           a.has_grad == b.has_grad && same_bits(a.grad_norm, b.grad_norm) &&
           same_bits(a.clipped_grad_norm, b.clipped_grad_norm) && a.diverged == b.diverged;
}

inline bool same_history(const std::vector<MetricsRow>& a, const std::vector<MetricsRow>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!same_row(a[i], b[i]))
            return false;
    return true;
}

}  // namespace lrlab::testing
