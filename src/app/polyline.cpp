// Line thinning with a bounded error (polyline.hpp). Sections: [M4] [Simplify]
#include "app/polyline.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace lrlab
{

// ---- [M4] ------------------------------------------------------------------------------------

void M4Decimator::add(ImVec2 p)
{
    const int column = int(std::floor(p.x));
    if (open_ && column != column_)
        emit();
    if (!open_)
    {
        open_ = true;
        column_ = column;
        first_ = low_ = high_ = p;
        low_order_ = high_order_ = count_ = 0;
    }
    // Screen y grows downwards: "low" is the largest y, drawn lowest.
    if (p.y > low_.y)
        low_ = p, low_order_ = count_;
    if (p.y < high_.y)
        high_ = p, high_order_ = count_;
    last_ = p;
    ++count_;
}

void M4Decimator::emit()
{
    // The column's extremes in the order they arrived, without repeating a point.
    std::pair<int, ImVec2> keep[4] = {
        {0, first_}, {low_order_, low_}, {high_order_, high_}, {count_ - 1, last_}};
    std::sort(keep, keep + 4, [](const auto& a, const auto& b) { return a.first < b.first; });
    for (int k = 0; k < 4; ++k)
        if (k == 0 || keep[k].first != keep[k - 1].first)
            out_.push_back(keep[k].second);
    open_ = false;
}

void M4Decimator::finish()
{
    if (open_)
        emit();
}

// ---- [Simplify] ------------------------------------------------------------------------------

// From the last point kept (the anchor), every later point p at distance d allows the chord's
// direction to be within asin(tolerance / d) of p's direction; the allowed directions narrow
// as points are dropped. When the next point's direction leaves them, the point before it
// becomes the new anchor. With x non-decreasing, directions lie in [-pi/2, pi/2]: no wrap-around.
void simplify(std::vector<ImVec2>& pts, float tolerance)
{
    if (pts.size() < 3)
        return;
    std::size_t kept = 0;  // pts[0..kept] are the output so far; pts[kept] is the anchor
    ImVec2 anchor = pts[0];
    double lo = -10.0, hi = 10.0;  // allowed chord directions (radians), open at the start
    for (std::size_t i = 1; i < pts.size(); ++i)
    {
        double dx = pts[i].x - anchor.x, dy = pts[i].y - anchor.y;
        double d = std::sqrt(dx * dx + dy * dy);
        if (d <= tolerance)
            continue;  // within tolerance of the anchor: any chord from it passes close enough
        double angle = std::atan2(dy, dx);
        if (angle < lo || angle > hi)
        {
            anchor = pts[i - 1];  // the last point every dropped point agrees with
            pts[++kept] = anchor;
            lo = -10.0, hi = 10.0;
            dx = pts[i].x - anchor.x, dy = pts[i].y - anchor.y;
            d = std::sqrt(dx * dx + dy * dy);
            if (d <= tolerance)
                continue;
            angle = std::atan2(dy, dx);
        }
        const double spread = std::asin(std::min(1.0, double(tolerance) / d));
        lo = std::max(lo, angle - spread);
        hi = std::min(hi, angle + spread);
    }
    if (!(pts[kept].x == pts.back().x && pts[kept].y == pts.back().y))
        pts[++kept] = pts.back();
    pts.resize(kept + 1);
}

}  // namespace lrlab
