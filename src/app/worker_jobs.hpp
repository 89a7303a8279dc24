// The jobs a Web Worker of the page runs (web/worker_pool.js, web/lrlab_worker.js): each worker
// loads the page's own lrlab_app.wasm (DESIGN.md, "Background work in the page") without
// running main (no window, no GL) and calls lrlab_job with one job as JSON text:
//   {"kind": "sweep_cell", "sweep": OPTIONS, "cell": I}
//       -> {"row": {cell, optimizer, lr, params, final_train_loss, ...}}   (sweep_request.hpp)
//   {"kind": "cv_fold", "cv": {config, run?, param?, values, folds?}, "value": V, "fold": F}
//       -> {"row": {value, fold, val_loss, val_acc, diverged}}            (`lrlab cv`'s row)
//   {"kind": "lr_find", "lrFind": {config, run?, startLr?, endLr?, numIter?, mode?, smooth?,
//                                  divergeTh?, on?}}
//       -> {"rows": [{iter, lr, loss, smoothed_loss}], suggestions, stopped_early, ...}
// or {"error": TEXT, "errors": [{path, message}]}. The options carry their config: a worker has
// no page. The page runs the same function in-process when it has no Workers.
//
// A worker is given many cells of one sweep (or folds of one CV): what was read from the
// options is kept while the next job's options are the same text.
#pragma once

#include <memory>
#include <string>

namespace lrlab
{

struct WorkerJobCache;

class WorkerJobs
{
public:
    WorkerJobs();
    ~WorkerJobs();
    // One job's JSON text -> the reply's JSON text.
    std::string run(const std::string& job_text);

private:
    std::unique_ptr<WorkerJobCache> cache_;
};

}  // namespace lrlab
