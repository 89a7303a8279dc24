// `lrlab cv CONFIG [--param PATH] --values LIST [--folds 5] [--run NAME] [--summary-json FILE]
//  [--out FILE]`: K-fold cross-validation of one numeric key (DESIGN.md, "Choosing the LR";
//  core/tuning/cross_validation.hpp). CSV `value,fold,val_loss,val_acc,diverged`, rows by value
//  then fold.
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/config_source.hpp"
#include "cli/io.hpp"
#include "core/tuning/cross_validation.hpp"
#include "core/tuning/value_list.hpp"

namespace lrlab::cli
{
namespace
{

struct CvOptions
{
    ConfigSource config;
    std::string param;
    std::string values;
    int folds = 5;
    std::string run;
    std::string summary_json;
    std::string out;
};

std::string rows_csv(const std::vector<CvFoldResult>& rows)
{
    std::string s = "value,fold,val_loss,val_acc,diverged\n";
    for (const CvFoldResult& r : rows)
        s += format_number(r.value) + "," + std::to_string(r.fold) + "," +
             format_number(r.val_loss) + "," + (r.has_accuracy ? format_number(r.val_acc) : "") +
             "," + (r.diverged ? "1" : "0") + "\n";
    return s;
}

int cv_command(const CvOptions& o)
{
    CvRequest request;
    std::vector<ConfigError> errors;
    if (!read_config_json(o.config, request.config, errors))
        return report_errors(errors);
    const ValueListResult values = parse_value_list(o.values);
    if (!values.ok())
        return report_errors({{"--values", values.error}});
    request.param = o.param;
    request.values = values.values;
    request.folds = o.folds;
    request.run = o.run;
    CvPlan plan;
    errors = plan_cross_validation(request, plan);
    if (!errors.empty())
        return report_errors(errors);
    std::string error;
    Output out;
    if (!out.open(o.out, error))
        return report_errors({{"--out", error}});
    Output summary;  // opened before training: a bad path costs nothing
    if (!o.summary_json.empty() && !summary.open(o.summary_json, error))
        return report_errors({{"--summary-json", error}});

    CrossValidation cv(std::move(plan));
    while (!cv.done())
        cv.step(cv.steps_total());
    bool ok = out.write(rows_csv(cv.rows()));
    if (!o.summary_json.empty())
        ok = summary.write(cv_summary_json(cv.summary()).dump(2) + "\n") && ok;
    return ok ? exit_ok : exit_internal;
}

}  // namespace

void add_cv_command(CLI::App& app, Action& action)
{
    auto o = std::make_shared<CvOptions>();
    CLI::App* cmd = app.add_subcommand(
        "cv", "K-fold cross-validation of one numeric key: for each value and fold, the run "
              "trains on the other folds; prints value,fold,val_loss,val_acc,diverged");
    add_config_source(cmd, o->config);
    cmd->add_option("--param", o->param,
                    "JSON path of the key (default: the run's optimizer.lr, runs[0].optimizer.lr)");
    cmd->add_option("--values", o->values, "The values: a,b,c or log:MIN:MAX:N or lin:MIN:MAX:N")
        ->required();
    cmd->add_option("--folds", o->folds, "Number of folds K (default 5)");
    cmd->add_option("--run", o->run, "The run to cross-validate (default: the first)");
    cmd->add_option("--summary-json", o->summary_json,
                    "Write the mean and std per value and the best value as JSON to FILE");
    cmd->add_option("--out", o->out, "Write the CSV to FILE instead of standard output");
    cmd->callback([o, &action] { action = [o] { return cv_command(*o); }; });
}

}  // namespace lrlab::cli
