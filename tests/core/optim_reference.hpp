// A plain double-precision transcription of PyTorch 1.13's _single_tensor_* optimizer loops
// (torch/optim/*.py) and of Lion (Chen et al. 2023), written independently of src/core so that
// the float32 rules can be checked against the formulas. Weight decay is done here the way
// torch does it inside each loop (coupled: g + wd*p; adamw/lion: p *= 1 - lr*wd).
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "core/config/config.hpp"

namespace lrlab::reference
{

struct State
{
    int step = 0;
    std::vector<double> a, b, c;  // the rule's slots, in the order of its file's comment
    double mu_product = 1.0;      // nadam
    bool buf_exists = false;      // sgd
};

inline State make_state(const OptimizerConfig& c, std::size_t n)
{
    State s;
    s.a.assign(n, c.type == "adagrad" ? c.initial_accumulator_value : 0.0);
    s.b.assign(n, 0.0);
    s.c.assign(n, 0.0);
    return s;
}

// One step on every element. `momentum` < 0: use the config's momentum / beta1.
inline void step(const OptimizerConfig& c, State& s, std::vector<double>& p,
                 const std::vector<double>& grad, double lr, double momentum = -1.0)
{
    const std::string& t = c.type;
    const double mom = momentum >= 0.0 ? momentum : c.momentum;
    const double b1 = momentum >= 0.0 ? momentum : c.betas[0];
    const double b2 = c.betas[1];
    const double wd = c.weight_decay;
    const bool decoupled = t == "adamw" || t == "lion";
    const double st = ++s.step;
    if (decoupled)
        for (double& x : p)
            x *= 1.0 - lr * wd;
    const double mu = b1 * (1.0 - 0.5 * std::pow(0.96, st * c.momentum_decay));
    const double mu_next = b1 * (1.0 - 0.5 * std::pow(0.96, (st + 1.0) * c.momentum_decay));
    s.mu_product *= mu;
    const double bc1 = 1.0 - std::pow(b1, st), bc2 = 1.0 - std::pow(b2, st);
    const double rho_inf = 2.0 / (1.0 - b2) - 1.0;
    const double rho_t = rho_inf - 2.0 * st * std::pow(b2, st) / bc2;
    for (std::size_t i = 0; i < p.size(); ++i)
    {
        const double g = decoupled ? grad[i] : grad[i] + wd * p[i];
        double& a = s.a[i];
        double& b = s.b[i];
        double& cc = s.c[i];
        if (t == "sgd")
        {
            double d = g;
            if (mom != 0.0)
            {
                a = s.buf_exists ? mom * a + (1.0 - c.dampening) * g : g;
                d = c.nesterov ? g + mom * a : a;
            }
            p[i] -= lr * d;
        }
        else if (t == "adagrad")
        {
            a += g * g;
            p[i] -= lr / (1.0 + (st - 1.0) * c.lr_decay) * g / (std::sqrt(a) + c.eps);
        }
        else if (t == "rmsprop")
        {
            a = c.alpha * a + (1.0 - c.alpha) * g * g;
            double avg = std::sqrt(a);
            if (c.centered)
            {
                b = c.alpha * b + (1.0 - c.alpha) * g;
                avg = std::sqrt(a - b * b);
            }
            avg += c.eps;
            if (mom > 0.0)
            {
                cc = mom * cc + g / avg;
                p[i] -= lr * cc;
            }
            else
                p[i] -= lr * g / avg;
        }
        else if (t == "adadelta")
        {
            a = c.rho * a + (1.0 - c.rho) * g * g;
            const double delta = std::sqrt(b + c.eps) / std::sqrt(a + c.eps) * g;
            b = c.rho * b + (1.0 - c.rho) * delta * delta;
            p[i] -= lr * delta;
        }
        else if (t == "adam" || t == "adamw")
        {
            a = b1 * a + (1.0 - b1) * g;
            b = b2 * b + (1.0 - b2) * g * g;
            cc = std::fmax(cc, b);
            const double v = c.amsgrad ? cc : b;
            p[i] -= lr / bc1 * a / (std::sqrt(v) / std::sqrt(bc2) + c.eps);
        }
        else if (t == "adamax")
        {
            a = b1 * a + (1.0 - b1) * g;
            b = std::fmax(b2 * b, std::fabs(g) + c.eps);
            p[i] -= lr / bc1 * a / b;
        }
        else if (t == "nadam")
        {
            a = b1 * a + (1.0 - b1) * g;
            b = b2 * b + (1.0 - b2) * g * g;
            const double denom = std::sqrt(b / bc2) + c.eps;
            p[i] -= lr * (1.0 - mu) / (1.0 - s.mu_product) * g / denom;
            // 1.13's single-tensor loop multiplies the updated mu_product by mu again
            p[i] -= lr * mu_next / (1.0 - s.mu_product * mu * mu_next) * a / denom;
        }
        else if (t == "radam")
        {
            a = b1 * a + (1.0 - b1) * g;
            b = b2 * b + (1.0 - b2) * g * g;
            const double m_hat = a / bc1;
            if (rho_t > 5.0)
            {
                const double rect = std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf /
                                              ((rho_inf - 4) * (rho_inf - 2) * rho_t));
                p[i] -= m_hat * lr * std::sqrt(bc2) / (std::sqrt(b) + c.eps) * rect;
            }
            else
                p[i] -= m_hat * lr;
        }
        else if (t == "lion")
        {
            const double u = b1 * a + (1.0 - b1) * g;
            p[i] -= lr * double((u > 0) - (u < 0));
            a = b2 * a + (1.0 - b2) * g;
        }
    }
    if (t == "sgd" && mom != 0.0)
        s.buf_exists = true;
}

}  // namespace lrlab::reference
