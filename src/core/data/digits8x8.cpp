// digits8x8: a procedural 64-input, 10-class set. Each sample is one of ten 8x8 digit glyphs
// (our own bitmaps, 6x6 inside a blank border so that shifts never crop), moved by -1, 0 or 1
// pixel in x and y, with Gaussian pixel noise of sd 0.1 + 0.5 noise, clamped to [0, 1]. It is
// a real high-dimensional task on which a small network can also overfit a small sample.
#include "core/data/generators.hpp"

namespace lrlab::datagen
{
namespace
{
constexpr int side = 8;

// '#' is ink. Rows top to bottom.
constexpr const char* glyphs[10][side] = {
    {"........", "..####..", ".#....#.", ".#....#.", ".#....#.", ".#....#.", "..####..",
     "........"},
    {"........", "...##...", "..###...", "...##...", "...##...", "...##...", "..####..",
     "........"},
    {"........", "..####..", ".#....#.", ".....#..", "...##...", "..#.....", ".######.",
     "........"},
    {"........", ".#####..", "......#.", "..####..", "......#.", "......#.", ".#####..",
     "........"},
    {"........", "....##..", "...#.#..", "..#..#..", ".######.", ".....#..", ".....#..",
     "........"},
    {"........", ".######.", ".#......", ".#####..", "......#.", "......#.", ".#####..",
     "........"},
    {"........", "..####..", ".#......", ".#####..", ".#....#.", ".#....#.", "..####..",
     "........"},
    {"........", ".######.", "......#.", ".....#..", "....#...", "...#....", "...#....",
     "........"},
    {"........", "..####..", ".#....#.", "..####..", ".#....#.", ".#....#.", "..####..",
     "........"},
    {"........", "..####..", ".#....#.", ".#....#.", "..#####.", "......#.", "..####..",
     "........"},
};

double ink(int digit, int row, int col)
{
    if (row < 0 || row >= side || col < 0 || col >= side)
        return 0.0;
    return glyphs[digit][row][col] == '#' ? 1.0 : 0.0;
}
}  // namespace

Samples digits8x8(int n, double noise, int, Rng& pos, Rng& noise_rng)
{
    Samples s;
    s.x.reserve(static_cast<std::size_t>(n) * side * side);
    s.y.reserve(static_cast<std::size_t>(n));
    const double sd = 0.1 + 0.5 * noise;
    for (int i = 0; i < n; ++i)
    {
        const int digit = i % 10;
        const int dx = static_cast<int>(pos.below(3)) - 1;
        const int dy = static_cast<int>(pos.below(3)) - 1;
        for (int row = 0; row < side; ++row)
            for (int col = 0; col < side; ++col)
            {
                const double v = ink(digit, row - dy, col - dx) + sd * noise_rng.normal();
                s.x.push_back(v < 0.0 ? 0.0 : (v > 1.0 ? 1.0 : v));
            }
        s.y.push_back(digit);
    }
    return s;
}

}  // namespace lrlab::datagen
