// Runs the wasm CLI (lrlab.js, Emscripten, -sNODERAWFS -sEXIT_RUNTIME) on many inputs in ONE
// node process (issue 14: a node start-up per input would cost ~0.2 s each, 10,000 inputs half
// an hour). The .wasm is compiled once; each input then gets a fresh instance (its own memory,
// so one input cannot leak state into the next) created by the real, unmodified lrlab.js glue,
// run in a fresh V8 context with its process.exit, fd 1 and fd 2 captured.
//
//   node --no-experimental-fetch wasm_batch.mjs build-web/lrlab.js VERB < records
// records: "KIND LENGTH\n" + LENGTH bytes + "\n" (tests/hardening/malformed.py's packs).
// For each record the input is written to a temp file and `lrlab VERB FILE` runs; one JSON line
// per input is printed: {"kind", "status", "out", "err", "ms"}; status is the exit status, or
// "trap: ..." when the wasm trapped or the glue threw (a crash).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createRequire } from 'node:module';

const [jsPath, verb] = process.argv.slice(2);
if (!jsPath || !verb)
{
    console.error('usage: wasm_batch.mjs LRLAB_JS VERB < records');
    process.exit(2);
}
const require = createRequire(import.meta.url);
const glue = new vm.Script(fs.readFileSync(jsPath, 'utf8'), { filename: jsPath });
const wasm = new WebAssembly.Module(fs.readFileSync(jsPath.replace(/\.js$/, '.wasm')));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lrlab-batch-'));
const inputFile = path.join(tmp, 'input.json');

class Exit
{
    constructor(status) { this.status = status; }
}

// fs with fd 1 and 2 captured: NODERAWFS writes the program's stdout/stderr with fs.writeSync
// to the real descriptors 1 and 2, and closes 0, 1 and 2 at exit (FS.quit), which would close
// this process's own.
function capturingFs(out, err)
{
    const sink = { 1: out, 2: err };
    return new Proxy(fs, {
        get(target, name)
        {
            if (name === 'closeSync')
                return (fd) => (fd <= 2 ? undefined : fs.closeSync(fd));
            if (name === 'writeSync')
                return (fd, buf, offset, length, position) =>
                {
                    if (!(fd in sink))
                        return fs.writeSync(fd, buf, offset, length, position);
                    const b = typeof buf === 'string' ? Buffer.from(buf)
                        : Buffer.from(buf.buffer, buf.byteOffset + (offset || 0),
                                      length ?? buf.length - (offset || 0));
                    sink[fd].push(b);
                    return b.length;
                };
            return target[name];
        },
    });
}

function runOne(args)
{
    const out = [], err = [];
    let status;  // set by the glue's quit, which Emscripten calls on exit and on abort
    const fakeFs = capturingFs(out, err);
    const fakeProcess = {
        argv: ['node', jsPath], env: process.env, platform: process.platform,
        cwd: () => process.cwd(), chdir: () => {}, hrtime: process.hrtime,
        binding: (n) => process.binding(n), on: () => {}, exitCode: undefined,
        exit: (status) => { throw new Exit(status); },
        stdin: { fd: fs.openSync('/dev/null', 'r') }, stdout: { isTTY: false },
        stderr: { isTTY: false },
    };
    const Module = {
        arguments: args, thisProgram: 'lrlab',
        instantiateWasm(imports, receive)
        {
            const instance = new WebAssembly.Instance(wasm, imports);
            receive(instance, wasm);
            return instance.exports;
        },
        // An exit throws the glue's ExitStatus (its own default quit does the same); anything
        // else reaching quit is an abort or a trap, which the glue reports as status 1.
        quit(code, toThrow)
        {
            if (status === undefined)
                status = toThrow && toThrow.name === 'ExitStatus' ? code
                    : 'trap: ' + String(toThrow && toThrow.message || toThrow).slice(0, 300);
            throw toThrow;
        },
    };
    const context = vm.createContext({
        Module, process: fakeProcess, console, Buffer, TextDecoder, TextEncoder, URL,
        WebAssembly, setTimeout, clearTimeout, performance,
        require: (name) => (name === 'fs' ? fakeFs : require(name)),
        __dirname: path.dirname(path.resolve(jsPath)), __filename: path.resolve(jsPath),
    });
    try
    {
        glue.runInContext(context);
    }
    catch (e)
    {
        if (status === undefined)
            status = e instanceof Exit ? e.status
                : 'trap: ' + String(e && e.message ? e.message : e).slice(0, 300);
    }
    fs.closeSync(fakeProcess.stdin.fd);
    if (status === undefined)
        status = 'trap: the program returned without exiting';
    return { status, out: Buffer.concat(out).toString('utf8'),
             err: Buffer.concat(err).toString('utf8') };
}

// Records from standard input, one at a time (a pack may be hundreds of MB).
const input = fs.readFileSync(0);
let at = 0;
while (at < input.length)
{
    const nl = input.indexOf(10, at);
    const [kind, len] = input.subarray(at, nl).toString().split(' ');
    const n = Number(len);
    fs.writeFileSync(inputFile, input.subarray(nl + 1, nl + 1 + n));
    at = nl + 1 + n + 1;
    const start = performance.now();
    const r = runOne([verb, inputFile]);
    const ms = Math.round(performance.now() - start);
    process.stdout.write(JSON.stringify({ kind, ...r, ms,
        out: r.out.slice(0, 2000), err: r.err.slice(0, 2000) }) + '\n');
}
fs.rmSync(tmp, { recursive: true, force: true });
