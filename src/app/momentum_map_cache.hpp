// The step-size x momentum map as the page keeps it (panel_momentum_map.cpp): computed by the
// engine (core/surface/momentum_map) a few cells per frame, so the page never stops drawing, and
// once per page (the quadratic and the grid are fixed: the map never needs recomputing).
#pragma once

#include <vector>

#include "core/surface/momentum_map.hpp"

namespace lrlab
{

struct MomentumMapCache
{
    MomentumMapSpec spec;                          // the defaults: 41 LRs x 34 momenta
    std::vector<std::vector<MomentumMapCell>> rows;  // rows[r]: momentum r; the last may be partial
    double compute_ms = 0.0;                       // engine time so far (web_now_ms)
    double max_frame_ms = 0.0;                     // the most of it one frame spent
    int frames = 0;                                // frames that computed cells
    int cells() const
    {
        return rows.empty() ? 0 : int(rows.size() - 1) * spec.lr_count + int(rows.back().size());
    }
    bool complete() const { return cells() == spec.lr_count * spec.momentum_count; }
};

}  // namespace lrlab
