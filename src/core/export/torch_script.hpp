// A run as a self-contained PyTorch script (DESIGN.md, "From the lab to real training code"):
// `lrlab export-torch` and the page's "Copy as PyTorch". Pure text generation: the optimizer,
// schedule and clip come from their descriptors' torch facts (optim/descriptor.hpp,
// schedules/descriptor.hpp, optim/clip.hpp), not from a second table.
//
// The script builds the run's optimizer (every non-default argument), scheduler and clipping in
// the order of lrlab's training step, around a placeholder model (the config's MLP shape) and a
// commented training loop; `python3 script.py --print-lrs N` prints `step,lr` for steps 0..N-1
// with the bytes `lrlab schedule` prints for that run. What torch 1.13 cannot do as lrlab does
// is refused with an error naming the key, never dropped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/config/config.hpp"

namespace lrlab
{

struct TorchScript
{
    std::string text;                 // the Python script; empty when errors
    std::vector<ConfigError> errors;  // what cannot be exported, by JSON path
    bool ok() const { return errors.empty(); }
};

// `c` is a valid config (every default filled in); `run` < c.runs.size().
TorchScript torch_script(const Config& c, std::size_t run);

}  // namespace lrlab
