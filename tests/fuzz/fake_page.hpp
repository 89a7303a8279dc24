// The page behind tests/fuzz/fuzz_api.cpp and tests/app/test_api_dispatch.cpp: an ApiPage
// (src/app/api_dispatch.hpp) made of core's own config and surface validators, lesson table,
// URL reader, CSV reader and PyTorch export, over a state small enough to compare whole
// (PageState). It counts what reaches it, so that a test can tell that a call did not.
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/api_dispatch.hpp"
#include "core/config/budget.hpp"
#include "core/config/json.hpp"
#include "core/config/url_codec.hpp"
#include "core/data/points_csv.hpp"
#include "core/export/torch_script.hpp"
#include "core/lessons/lesson_table.hpp"
#include "fuzz_check.hpp"
#include "../core/config_equal.hpp"

namespace lrlab::fuzz
{

using nlohmann::json;

inline json errors_json(const std::vector<ConfigError>& errors)
{
    json out = json::array();
    for (const ConfigError& e : errors)
        out.push_back({{"path", e.path}, {"message", e.message}});
    return out;
}

inline json ok_errors(const std::vector<ConfigError>& errors)
{
    return {{"ok", errors.empty()}, {"errors", errors_json(errors)}};
}

// What the page holds, whole: compared before and after a call.
struct PageState
{
    lrlab::Config config;
    lrlab::SurfaceConfig surface;
    bool landscape = false;     // the view that shows (and that getConfig and step act on)
    bool has_surface = false;
    std::int64_t step = 0, surface_step = 0;
    bool playing = false;
    std::string lesson;
    int speed = 1;
    std::string points;         // the imported CSV: "name: rows x columns"
    int jobs = 0;               // tuning and sweep calls taken
    bool charts = false;

    // The whole state compared field by field (config_equal.hpp for the experiment config;
    // the surface config by its JSON, once there is one).
    bool operator==(const PageState& o) const
    {
        const auto rest = [](const PageState& p)
        {
            return std::tie(p.landscape, p.has_surface, p.step, p.surface_step, p.playing,
                            p.lesson, p.speed, p.points, p.jobs, p.charts);
        };
        return rest(*this) == rest(o) && config == o.config &&
               (!has_surface || lrlab::to_json(surface) == lrlab::to_json(o.surface));
    }
    bool operator!=(const PageState& o) const { return !(*this == o); }
};

// Read once: every input starts from it.
inline const lrlab::Config& default_config()
{
    static const lrlab::Config c = []
    {
        const lrlab::ConfigResult r = lrlab::parse_config(json::object());
        require(r.ok(), "the default config is refused", "{}");
        return r.config;
    }();
    return c;
}

class FakePage final : public lrlab::ApiPage
{
public:
    PageState s;
    int reached = 0;  // calls of anything but a notice
    int notices = 0;

    FakePage() { s.config = default_config(); }

    json config() override
    {
        ++reached;
        return s.landscape ? lrlab::to_json(s.surface) : lrlab::to_json(s.config);
    }
    std::vector<ConfigError> set_config(const json& j) override
    {
        ++reached;
        if (!j.is_object())
            return {{"", "must be a JSON object"}};
        lrlab::ConfigResult r = lrlab::parse_config(j);
        if (r.ok())
            lrlab::check_budget(r.config, lrlab::page_budget(), r.errors);
        if (!r.ok())
            return r.errors;
        s.config = r.config;
        s.step = 0;
        s.playing = false;
        s.landscape = false;
        return {};
    }
    std::vector<ConfigError> set_surface_config(const json& j) override
    {
        ++reached;
        const lrlab::SurfaceConfigResult r = lrlab::parse_surface_config(j);
        if (!r.ok())
            return r.errors;
        install_surface(r.config);
        return {};
    }
    void clear_lesson() override
    {
        ++reached;
        s.lesson.clear();
    }
    void show_import(const std::vector<ConfigError>&) override { ++notices; }
    // As the page does: the lesson is gone whatever the hash holds; bad keys fall back.
    std::vector<ConfigError> load_hash(const std::string& hash) override
    {
        ++reached;
        s.lesson.clear();
        const lrlab::HashResult h =
            lrlab::hash_to_json(!hash.empty() && hash[0] == '#' ? hash.substr(1) : hash);
        std::vector<ConfigError> errors;
        if (lrlab::is_surface_json(h.json))
        {
            const lrlab::SurfaceConfigResult r =
                lrlab::read_surface_url(json::object(), h, errors);
            if (r.ok())
                install_surface(r.config);
            return errors;
        }
        const lrlab::ConfigResult r = lrlab::read_url_config(
            json::object(), h, lrlab::to_json(s.config)["runs"], errors);
        if (r.ok())
            set_config(lrlab::to_json(r.config));
        return errors;
    }
    json load_lesson(const std::string& name, std::int64_t seed) override
    {
        ++reached;
        const lrlab::Lesson* l = lrlab::find_lesson(name);
        if (!l)
            return ok_errors({{"preset", "no lesson \"" + name + "\""}});
        json c = l->config;
        if (seed >= 0 && !l->surface)
            c["seed"] = seed;
        const std::vector<ConfigError> errors =
            l->surface ? set_surface_config(c) : set_config(c);
        if (errors.empty())
            s.lesson = l->name;
        return ok_errors(errors);
    }

    json import_points(const std::string& text, const std::string& name) override
    {
        ++reached;
        lrlab::PointsCsv csv;
        std::vector<lrlab::CsvIssue> issues;
        if (!lrlab::read_points_csv(text, csv, issues))
        {
            std::vector<ConfigError> errors;
            for (const lrlab::CsvIssue& i : issues)
                errors.push_back({name, lrlab::csv_issue_text(i, csv)});
            require(!errors.empty(), "a CSV refused without an issue", text);
            return ok_errors(errors);
        }
        s.points = name + ": " + lrlab::describe_csv(csv);
        return ok_errors({});
    }
    void show_points_refused(const ConfigError&) override { ++notices; }
    json my_data() override { return ++reached, json{{"points", s.points}}; }

    void play() override { ++reached, s.playing = current_step() < steps(); }
    void pause() override { ++reached, s.playing = false; }
    void reset() override { ++reached, current_step() = 0, s.playing = false; }
    std::int64_t step(std::int64_t n) override
    {
        ++reached;
        require(n >= 0, "step(n) reached the page with n < 0", std::to_string(n));
        std::int64_t& at = current_step();
        at = n > steps() - at ? steps() : at + n;  // not past the end, and no overflow
        if (at == steps())
            s.playing = false;
        return at;
    }
    void set_speed(int steps_per_frame) override
    {
        ++reached;
        require(steps_per_frame >= 1 && steps_per_frame <= 1000, "speed out of 1..1000",
                std::to_string(steps_per_frame));
        s.speed = steps_per_frame;
    }

    void show_view(bool landscape) override
    {
        ++reached;
        if (landscape && !s.has_surface)  // the landscape opens with the default config
        {
            const lrlab::SurfaceConfigResult r = lrlab::parse_surface_config(
                json{{"function", "rosenbrock"},
                     {"runs", {{{"name", "sgd"}, {"optimizer", {{"type", "sgd"}}}}}}});
            require(r.ok(), "the default surface config is refused", "");
            install_surface(r.config);
        }
        s.landscape = landscape;
    }
    json trajectories() override { return ++reached, json{{"step", s.surface_step}}; }
    json landscape_probe(const json& n) override { return ++reached, json::array({n}); }
    json charts() override { return ++reached, s.charts = true, json::object(); }

    json metrics() override { return ++reached, json::array(); }
    json state() override
    {
        ++reached;
        return {{"step", current_step()}, {"steps", steps()}, {"playing", s.playing},
                {"lesson", s.lesson}, {"stepsPerFrame", s.speed},
                {"view", s.landscape ? "landscape" : "network"}};
    }
    std::string history_text() override
    {
        ++reached;
        json h = json::object();
        for (const lrlab::RunConfig& r : s.config.runs)
            h[r.name] = json::array();
        return h.dump(-1, ' ', false, json::error_handler_t::replace);
    }
    json claims() override { return ++reached, s.lesson.empty() ? json() : json(s.lesson); }
    json lessons() override { return ++reached, lrlab::lessons_json(); }

    bool job_call(const std::string& verb, const json&, json& result, std::string&) override
    {
        ++reached;
        ++s.jobs;
        result = verb;
        return true;
    }
    bool export_torch(const json& run, std::string& script, std::string& error) override
    {
        ++reached;
        const auto& runs = s.config.runs;
        std::size_t index = runs.size();
        for (std::size_t i = 0; i < runs.size(); ++i)
            if (run.is_null() ? i == 0 : run.is_string() && runs[i].name == run.get<std::string>())
                index = i;
        if (index == runs.size())
            return error = "exportTorch(runName): no run named " + run.dump(), false;
        const lrlab::TorchScript t = lrlab::torch_script(s.config, index);
        if (!t.ok())
            return error = lrlab::to_string(t.errors[0]), false;
        script = t.text;
        return true;
    }
    // The page runs a trap instruction; a fuzz target cannot (every such input would crash).
    void debug_trap() override { ++reached; }

private:
    std::int64_t steps() const { return s.landscape ? s.surface.steps : s.config.train.steps; }
    std::int64_t& current_step() { return s.landscape ? s.surface_step : s.step; }
    void install_surface(const lrlab::SurfaceConfig& c)
    {
        s.surface = c;
        s.has_surface = true;
        s.landscape = true;
        s.surface_step = 0;
        s.playing = false;
    }
};

}  // namespace lrlab::fuzz
