// "My data" in the page (issue 13): the points a person draws on the data preview or on a
// decision-boundary tile, loads from a CSV file, or copies from a built-in set, and the undo
// history of those edits. The points live in the config (data.points): every valid edit
// rebuilds the experiment at step 0, so the page, a reload, a link and `lrlab run` of the
// exported config all train on the same rows.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include <nlohmann/json.hpp>

#include "app/points_url.hpp"
#include "core/data/points.hpp"

namespace lrlab
{

struct AppState;

// A click on a square, applied after the frame's panels (apply_my_data_edits): a rebuild in the
// middle of the boundary tiles would pull the experiment from under them.
struct DrawAction
{
    enum Kind
    {
        none,
        add,
        remove
    } kind = none;
    double x = 0.0, y = 0.0;  // data coordinates
    bool record = true;       // an undo step (a brush stroke records only its first point)
};

struct MyData
{
    bool drawing = false;         // draw mode: clicks on the preview and the tiles edit points
    bool brush = false;           // a drag adds a point every few pixels
    int label = 0;                // the class a click adds (classification)
    double value = 1.0;           // the target a click adds (regression)
    PointRows draft;              // what is drawn; the config holds it once it is valid
    std::string draft_problem;    // why the draft is not (yet) the config's data, "" when it is
    std::vector<PointRows> undo;  // earlier drafts, the latest last
    double extent = 6.0;          // the plane a click lands on while drawing: [-extent, extent]^2
    bool stroke = false;          // a brush stroke is under way
    ImVec2 last_brush{0, 0};      // where the stroke put its last point (screen)
    PointsLink link;              // how the URL holds the points (url_sync)
    DrawAction action;            // this frame's click, applied after the panels
};

// Draw mode on a square of the plane at p0 with side `side` (the item just submitted): click
// adds a point of the chosen class or value, shift-click or right-click removes the nearest,
// a drag with the brush adds many. Does nothing unless drawing 2-input data.
void draw_on_square(AppState& app, ImVec2 p0, float side);

// Applies the frame's click (frame.cpp, after the panels).
void apply_my_data_edits(AppState& app);

// The points a square shows while drawing (the draft, also when not yet valid).
void draw_draft_points(const AppState& app, ImVec2 p0, float side);

// The row of controls under the preview: Load CSV, Draw, class or value, Brush, Clear, Undo,
// Copy to my data.
void my_data_controls(AppState& app);

// A CSV file's text (upload or drop): on success the config's data become its rows; otherwise
// the errors name line and column and the data stay as they were. {ok, errors, summary}.
nlohmann::json import_points_csv(AppState& app, const std::string& text, const std::string& name);

// The draft and undo depth for tests and tools (the `myData` verb).
nlohmann::json my_data_json(const AppState& app);

}  // namespace lrlab
