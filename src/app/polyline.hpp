// Thinning a chart line without changing what it shows. Two steps, both with a bound on the
// error that a test can check against the exact data:
//  - decimate_m4: per pixel column keep the first, lowest, highest and last point (the M4
//    aggregation of Jugel et al., VLDB 2014), so that no peak, dip or jump is lost, however many
//    points fall into one column (a stride that keeps every n-th point aliases a cyclic schedule
//    and moves a step schedule's drop);
//  - simplify: drop the points within `tolerance` pixels of the segment that replaces them
//    (a sector test in the spirit of Zhao & Saalfeld 1997: every dropped point is checked, not
//    only the one next to the end, which let a gently bending cosine collapse into one chord).
#pragma once

#include <vector>

#include <imgui.h>

namespace lrlab
{

// Appends points in screen space (x non-decreasing) and emits at most four per pixel column
// into `out`. Call add() for every point, then finish().
class M4Decimator
{
public:
    explicit M4Decimator(std::vector<ImVec2>& out) : out_(out) {}
    void add(ImVec2 p);
    void finish();

private:
    void emit();
    std::vector<ImVec2>& out_;
    bool open_ = false;
    int column_ = 0;
    ImVec2 first_{}, low_{}, high_{}, last_{};
    int low_order_ = 0, high_order_ = 0, count_ = 0;  // arrival order within the column
};

// In place; keeps the first and the last point. x must be non-decreasing (a chart's steps).
void simplify(std::vector<ImVec2>& pts, float tolerance);

}  // namespace lrlab
