// The step-size x momentum map as the page keeps it (panel_momentum_map.cpp): computed by the
// engine (core/surface/momentum_map) a row per frame, so the page never stops drawing, once
// per grid (the quadratic and the grid are fixed: the map never needs recomputing).
#pragma once

#include <vector>

#include "core/surface/momentum_map.hpp"

namespace lrlab
{

struct MomentumMapCache
{
    MomentumMapSpec spec;                          // the defaults: 41 LRs x 34 momenta
    std::vector<std::vector<MomentumMapCell>> rows;  // rows[r] = momentum r, every LR
    double compute_ms = 0.0;                       // engine time so far (web_now_ms)
    bool complete() const { return int(rows.size()) == spec.momentum_count; }
};

}  // namespace lrlab
