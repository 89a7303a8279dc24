// My data (my_data.hpp): drawing, CSV upload, copying a built-in set, undo.
//
// Sections: [Draft] [Drawing] [Controls] [Import]
#include "app/my_data.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "app/app_state.hpp"
#include "app/colors.hpp"
#include "app/web_api.hpp"
#include "app/widgets.hpp"
#include "core/config/json.hpp"
#include "core/data/points_csv.hpp"

namespace lrlab
{

using nlohmann::json;

namespace
{

constexpr std::size_t max_undo = 200;
constexpr float brush_spacing = 8.0f;  // screen pixels between the points of a brush stroke

// ---- [Draft] ---------------------------------------------------------------------------------

bool is_points(const AppState& app) { return app.config().data.dataset == "points"; }

int points_inputs_of(const Config& c)
{
    return c.data.points.empty() ? 0 : int(c.data.points[0].size()) - 1;
}

bool is_regression(const AppState& app)
{
    return app.config().data.task == "regression" ||
           (is_points(app) && app.experiment->dataset().task == TaskKind::regression);
}

// Small data (a few drawn points, a short file) would be refused for a batch larger than its
// train set: such batches shrink to the train set, and the status says so.
std::string fit_batches(Config& c)
{
    const int n = static_cast<int>(c.data.points.size());
    const int n_train = static_cast<int>(std::floor(n * c.data.train_fraction + 0.5));
    if (n_train < 1)
        return "";
    bool changed = c.train.batch_size > n_train;
    c.train.batch_size = std::min(c.train.batch_size, n_train);
    for (RunConfig& r : c.runs)
    {
        changed = changed || r.train.batch_size > n_train;
        r.train.batch_size = std::min(r.train.batch_size, n_train);
    }
    return changed ? "; batch size lowered to the " + std::to_string(n_train) + " train points"
                   : "";
}

// The draft becomes the config's data when it is a valid experiment; otherwise the runs keep
// the last valid data and the controls say what the draft still needs.
void apply_draft(AppState& app, const std::string& status)
{
    MyData& m = app.my_data;
    Config c = app.config();
    c.data.dataset = "points";
    c.data.points = m.draft;
    const std::string lowered = fit_batches(c);
    ConfigResult r = parse_config(to_json(c));
    if (!r.ok())
    {
        m.draft_problem = to_string(r.errors.front());
        app.ui.status = status + " (not trained yet: " + m.draft_problem + ")";
        return;
    }
    m.draft_problem.clear();
    app.rebuild(r.config);
    app.ui.playing = false;
    app.ui.lesson.clear();
    app.ui.status = status + lowered;
}

void edit_draft(AppState& app, PointRows next, const std::string& status, bool record = true)
{
    MyData& m = app.my_data;
    if (record)
    {
        m.undo.push_back(m.draft);
        if (m.undo.size() > max_undo)
            m.undo.erase(m.undo.begin());
    }
    m.draft = std::move(next);
    apply_draft(app, status);
}

// Typed to 3 decimals: far below a pixel (12 units over a tile of ~150 px), and short in a URL.
double typed(double v) { return std::round(v * 1000.0) / 1000.0; }

ImVec2 to_screen(double x, double y, ImVec2 p0, float side, double extent)
{
    return {p0.x + float((x / extent + 1) * 0.5) * side,
            p0.y + float((1 - y / extent) * 0.5) * side};
}

// Queues a click at `mouse` on the square at p0 (DrawAction).
void queue(AppState& app, DrawAction::Kind kind, ImVec2 mouse, ImVec2 p0, float side, bool record)
{
    MyData& m = app.my_data;
    m.action.kind = kind;
    m.action.x = typed(((mouse.x - p0.x) / side * 2 - 1) * m.extent);
    m.action.y = typed((1 - (mouse.y - p0.y) / side * 2) * m.extent);
    m.action.record = record;
}

void add_point(AppState& app, double x, double y, bool record)
{
    MyData& m = app.my_data;
    PointRows next = m.draft;
    next.push_back({x, y, is_regression(app) ? m.value : double(m.label)});
    edit_draft(app, std::move(next), "point added", record);
}

// The nearest point in the plane (both axes have the same scale, so nearest on screen too).
void remove_nearest(AppState& app, double x, double y)
{
    MyData& m = app.my_data;
    std::size_t best = m.draft.size();
    double best_d = 0;
    for (std::size_t i = 0; i < m.draft.size(); ++i)
    {
        const double dx = m.draft[i][0] - x, dy = m.draft[i][1] - y;
        if (best == m.draft.size() || dx * dx + dy * dy < best_d)
            best = i, best_d = dx * dx + dy * dy;
    }
    if (best == m.draft.size())
        return;
    PointRows next = m.draft;
    next.erase(next.begin() + std::ptrdiff_t(best));
    edit_draft(app, std::move(next), "point removed");
}

void start_drawing(AppState& app)
{
    MyData& m = app.my_data;
    m.drawing = true;
    m.draft = is_points(app) ? app.config().data.points : PointRows{};
    m.draft_problem.clear();
    m.extent = is_points(app) && app.grids.extent > 0 ? app.grids.extent : 6.0;
    app.grids.fixed_extent = m.extent;
    app.grids.version = 0;  // rebuild the plane at the fixed extent
}

void stop_drawing(AppState& app)
{
    app.my_data.drawing = false;
    app.my_data.stroke = false;
    app.grids.fixed_extent = 0.0;
    app.grids.version = 0;
}

// The current data as rows, each value the shortest decimal of its float32 (what trains).
PointRows rows_of(const Dataset& d)
{
    PointRows rows;
    const std::pair<const Tensor*, const Vector*> parts[] = {{&d.train_x, &d.train_y},
                                                             {&d.test_x, &d.test_y}};
    for (const auto& [x, y] : parts)
    {
        for (std::size_t r = 0; r < x->shape(0); ++r)
        {
            std::vector<double> row;
            for (std::size_t k = 0; k < x->shape(1); ++k)
                row.push_back(std::strtod(format_float((*x)(r, k)).c_str(), nullptr));
            row.push_back(std::strtod(format_float((*y)(r)).c_str(), nullptr));
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

const char* task_name(TaskKind t)
{
    return t == TaskKind::binary ? "binary" : t == TaskKind::multiclass ? "multiclass" : "regression";
}

void copy_to_my_data(AppState& app)
{
    const Dataset& d = app.experiment->dataset();
    Config c = app.config();
    c.data.points = rows_of(d);
    c.data.dataset = "points";
    PointsSummary s;
    std::vector<PointsIssue> issues;
    c.data.task = check_points(c.data.points, "auto", s, issues) && s.task == d.task
                      ? "auto" : task_name(d.task);
    ConfigResult r = parse_config(to_json(c));
    if (!r.ok())
    {
        app.ui.errors = r.errors;
        return;
    }
    app.my_data.undo.push_back(app.my_data.draft);
    app.rebuild(r.config);
    app.ui.playing = false;
    app.ui.lesson.clear();
    app.my_data.draft = app.config().data.points;
    app.my_data.draft_problem.clear();
    app.ui.status = "copied " + std::to_string(app.my_data.draft.size()) +
                    " points to my data: they can now be edited";
}

}  // namespace

// ---- [Drawing] -------------------------------------------------------------------------------

void draw_on_square(AppState& app, ImVec2 p0, float side)
{
    MyData& m = app.my_data;
    if (!m.drawing || !ImGui::IsItemHovered())
    {
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left))
            m.stroke = false;
        return;
    }
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 mouse = io.MousePos;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
        (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && io.KeyShift))
    {
        queue(app, DrawAction::remove, mouse, p0, side, true);
        return;
    }
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
    {
        queue(app, DrawAction::add, mouse, p0, side, true);
        m.stroke = m.brush;  // one undo step for the whole stroke
        m.last_brush = mouse;
        return;
    }
    if (m.stroke && ImGui::IsMouseDown(ImGuiMouseButton_Left))
    {
        const float dx = mouse.x - m.last_brush.x, dy = mouse.y - m.last_brush.y;
        if (dx * dx + dy * dy >= brush_spacing * brush_spacing)
        {
            queue(app, DrawAction::add, mouse, p0, side, false);
            m.last_brush = mouse;
        }
    }
    else
        m.stroke = false;
}

void apply_my_data_edits(AppState& app)
{
    const DrawAction a = app.my_data.action;
    app.my_data.action = DrawAction{};
    if (a.kind == DrawAction::add)
        add_point(app, a.x, a.y, a.record);
    else if (a.kind == DrawAction::remove)
        remove_nearest(app, a.x, a.y);
}

void draw_draft_points(const AppState& app, ImVec2 p0, float side)
{
    const MyData& m = app.my_data;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const bool regression = is_regression(app);
    for (const std::vector<double>& row : m.draft)
    {
        if (row.size() != 3)
            return;
        const ImVec2 s = to_screen(row[0], row[1], p0, side, m.extent);
        const ImU32 c = regression ? class_color(row[2] < 0 ? 0 : 1) : class_color(int(row[2]));
        dl->AddCircleFilled(s, 3.0f, c);
        dl->AddCircle(s, 3.0f, IM_COL32(255, 255, 255, 200));
    }
}

// ---- [Controls] ------------------------------------------------------------------------------

namespace
{

void label_choice(AppState& app)
{
    MyData& m = app.my_data;
    if (is_regression(app))
    {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
        ImGui::InputDouble("value", &m.value, 0, 0, "%.3g");
        publish_item(app, "draw-value");
        return;
    }
    int highest = 1;
    for (const std::vector<double>& row : m.draft)
        highest = std::max(highest, int(row.back()));
    const int shown = std::min(points_limits::max_classes, highest + 2);
    for (int k = 0; k < shown; ++k)
    {
        ImGui::SameLine();
        ImGui::PushID(k);
        ImGui::PushStyleColor(ImGuiCol_Button, class_color(k, m.label == k ? 1.0f : 0.35f));
        if (ImGui::Button(std::to_string(k).c_str()))
            m.label = k;
        publish_item(app, "draw-class:" + std::to_string(k));
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
}

void undo(AppState& app)
{
    MyData& m = app.my_data;
    if (m.undo.empty())
        return;
    PointRows previous = std::move(m.undo.back());
    m.undo.pop_back();
    edit_draft(app, std::move(previous), "undone", false);
}

}  // namespace

void my_data_controls(AppState& app)
{
    MyData& m = app.my_data;
    const bool planar_points = is_points(app) && points_inputs_of(app.config()) == 2;
    if (named_button(app, "Load CSV...", "load-csv"))
        web_pick_points_file();
    tooltip("Your own data: a CSV file with a header row, numeric columns, the last one the "
            "target. Or drop the file on the page.");
    ImGui::SameLine();
    if (!is_points(app) && named_button(app, "Copy to my data", "copy-to-my-data"))
        copy_to_my_data(app);
    if (!is_points(app))
        tooltip("Turn the current data into editable points (e.g. to add outliers).");
    if (!is_points(app))
        ImGui::SameLine();
    bool drawing = m.drawing;
    const bool can_draw = app.experiment->dataset().raw_dims == 2 || (is_points(app) && planar_points);
    if (can_draw && ImGui::Checkbox("draw", &drawing))
        drawing ? start_drawing(app) : stop_drawing(app);
    if (can_draw)
        publish_item(app, "draw");
    if (can_draw)
        tooltip("Click the preview or a boundary tile to add a point; shift-click or "
                "right-click removes the nearest.");
    if (m.link.mode == "stored")
    {
        ImGui::TextColored({0.8f, 0.4f, 0.1f, 1.0f}, "%s", "too many points for a link");
        publish_item(app, "link-needs-file");
        tooltip(app, "The points make the link " + std::to_string(m.link.bytes / 1024) +
                         " kB, over its 8 kB budget: they are kept in this browser under their "
                         "content hash " + m.link.hash + ", and a shared link needs the CSV file.");
    }
    if (m.link.mode == "unstored")
    {
        const std::string text = "points not stored: a reload or a link needs the CSV file";
        ImGui::TextColored({0.8f, 0.3f, 0.2f, 1.0f}, "%s", text.c_str());
        publish_item(app, "link-needs-file");
        publish_text(app, "link-storage", text);
        tooltip(app, "The points make the link " + std::to_string(m.link.bytes / 1024) +
                         " kB, over its 8 kB budget, and this browser's local storage is full "
                         "(or turned off), so they are not kept here: the link names them by "
                         "their content hash " + m.link.hash + ", and a reload or a shared link "
                         "needs the CSV file (Load CSV... or drop it on the page).");
    }
    if (!m.drawing)
        return;
    ImGui::Checkbox("brush", &m.brush);
    publish_item(app, "draw-brush");
    ImGui::SameLine();
    if (named_button(app, "Clear", "draw-clear"))
        edit_draft(app, {}, "points cleared");
    ImGui::SameLine();
    if (named_button(app, "Undo", "draw-undo"))
        undo(app);
    ImGui::SameLine();
    ImGui::TextUnformatted(is_regression(app) ? "" : "class");
    label_choice(app);
    ImGui::Text("%zu points", m.draft.size());
    if (!m.draft_problem.empty())
    {
        ImGui::SameLine();
        ImGui::TextColored({0.8f, 0.3f, 0.2f, 1.0f}, "not trained yet: %s",
                           m.draft_problem.c_str());
        publish_text(app, "draw-problem", m.draft_problem);
    }
}

// ---- [Import] --------------------------------------------------------------------------------

json import_points_csv(AppState& app, const std::string& text, const std::string& name)
{
    PointsCsv csv;
    std::vector<CsvIssue> issues;
    PointsSummary s;
    const std::string task = is_points(app) ? app.config().data.task : "auto";
    if (read_points_csv(text, csv, issues))
        check_points_csv(csv, task, s, issues);
    std::vector<ConfigError> errors;
    std::string lowered;
    for (const CsvIssue& i : issues)
        errors.push_back({name, csv_issue_text(i, csv)});
    if (errors.empty())
    {
        Config c = app.config();
        c.data.dataset = "points";
        c.data.points = csv.rows;
        c.data.task = task;
        if (s.inputs != 2)
            c.data.features = {"x1", "x2"};  // features apply at 2 inputs only
        lowered = fit_batches(c);
        ConfigResult r = parse_config(to_json(c));
        errors = r.errors;
        if (r.ok())
        {
            app.rebuild(r.config);
            app.ui.playing = false;
            app.ui.lesson.clear();
            stop_drawing(app);
            app.my_data.draft = csv.rows;
        }
    }
    const std::string summary = errors.empty() ? describe_csv(csv) + "; " + describe_points(s)
                                               : "";
    app.ui.errors = errors;
    app.ui.status = errors.empty() ? name + ": " + summary + lowered
                                   : name + " was not used; the data are unchanged";
    json out = {{"ok", errors.empty()}, {"summary", summary}, {"errors", json::array()}};
    for (const ConfigError& e : errors)
        out["errors"].push_back({{"path", e.path}, {"message", e.message}});
    return out;
}

json my_data_json(const AppState& app)
{
    const MyData& m = app.my_data;
    return {{"drawing", m.drawing}, {"brush", m.brush}, {"label", m.label},
            {"value", m.value}, {"draft", m.draft}, {"problem", m.draft_problem},
            {"undo", m.undo.size()}, {"extent", m.extent},
            {"link", {{"mode", m.link.mode}, {"bytes", m.link.bytes}, {"hash", m.link.hash}}}};
}

}  // namespace lrlab
