// TF.js 4.22 peer of `lrlab bench` (scripts/bench-peers.sh): the workloads of workloads.json
// trained with tf.train.sgd, one optimizer.minimize per batch inside tf.tidy, on every backend
// that loads: tensorflow (tfjs-node, native libtensorflow), else wasm and cpu.
//
// Usage: node tfjs_peer.mjs NODE_MODULES_DIR WORKLOADS_JSON NAME [NAME...]
// Prints CSV rows `engine,workload,cpu_samples_per_s,samples_per_s` (engine tfjs-BACKEND), the
// median of 3 repeats of about 0.5 s of CPU time each (process.cpuUsage: every thread).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [modules, workloadsFile, ...names] = process.argv.slice(2);
const require = createRequire(path.join(path.resolve(modules), 'noop.js'));

// tfjs-node's backend where its native library is installed, else TF.js's own: wasm and cpu.
async function loadTf() {
    try {
        const tf = require('@tensorflow/tfjs-node');
        return { tf, backends: ['tensorflow'] };
    } catch (e) {
        console.error(`tfjs peer: no tfjs-node (${e.message.split('\n')[0]}): wasm and cpu backends`);
    }
    const tf = require('@tensorflow/tfjs');
    const backends = ['cpu'];
    try {
        require('@tensorflow/tfjs-backend-wasm');
        backends.unshift('wasm');
    } catch (e) {
        console.error(`tfjs peer: no wasm backend: ${e.message.split('\n')[0]}`);
    }
    return { tf, backends };
}

function cpuSeconds() {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
}

function measure(tf, w, seconds) {
    const dense = [];
    let width = w.inputs;
    for (const h of [...w.hidden, w.outputs]) {
        const bound = Math.sqrt(6 / (width + h));
        dense.push({ w: tf.variable(tf.randomUniform([width, h], -bound, bound)),
                     b: tf.variable(tf.zeros([h])) });
        width = h;
    }
    const x = tf.randomUniform([w.train, w.inputs], -1, 1);
    const y = w.outputs === 1 ? tf.cast(tf.greater(tf.randomUniform([w.train, 1]), 0.5), 'float32')
                              : tf.oneHot(tf.randomUniform([w.train], 0, w.outputs, 'int32'), w.outputs);
    const opt = tf.train.sgd(w.lr);
    const forward = (xb) => {
        let a = xb;
        dense.forEach((l, i) => {
            a = tf.add(tf.matMul(a, l.w), l.b);
            if (i + 1 < dense.length) a = tf.tanh(a);
        });
        return a;
    };
    const lossOf = (xb, yb) => w.outputs === 1 ? tf.losses.sigmoidCrossEntropy(yb, forward(xb))
                                              : tf.losses.softmaxCrossEntropy(yb, forward(xb));
    const n = w.train, b = w.batch;
    const steps = (count) => {
        let done = 0;
        while (done < count) {
            const order = tf.util.createShuffledIndices(n);
            for (let start = 0; start < n && done < count; start += b, ++done) {
                const idx = tf.tensor1d(Array.from(order.slice(start, start + b)), 'int32');
                tf.tidy(() => {
                    const xb = tf.gather(x, idx), yb = tf.gather(y, idx);
                    opt.minimize(() => lossOf(xb, yb));
                });
                idx.dispose();
            }
        }
        // Wait for the backend to finish (the node and wasm backends run synchronously).
        dense[0].w.dataSync();
    };
    steps(20);
    let count = 50, cpu = 0, wall = 0;
    while (cpu < seconds) {
        count *= 2;
        const c0 = cpuSeconds(), t0 = performance.now();
        steps(count);
        cpu = cpuSeconds() - c0;
        wall = (performance.now() - t0) / 1000;
    }
    tf.disposeVariables();
    return [count * b / cpu, count * b / wall];
}

const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

const { tf, backends } = await loadTf();
const workloads = JSON.parse(fs.readFileSync(workloadsFile, 'utf8'));
for (const backend of backends) {
    await tf.setBackend(backend);
    await tf.ready();
    for (const name of names) {
        const runs = [0, 1, 2].map(() => measure(tf, workloads[name], 0.5));
        const cpu = median(runs.map((r) => r[0])), wall = median(runs.map((r) => r[1]));
        console.log(`tfjs-${backend},${name},${cpu.toFixed(0)},${wall.toFixed(0)}`);
    }
}
