// plugin/Pipeline.h — a tap on the compilation's own LLVM optimisation
// pipeline: once its last pass has run, and before code generation, it hands
// the optimised module to a callback (which forks the verifier's child: the
// child then only generates code, the optimisation is not run twice).
//
// Why the end of the whole pipeline and not the optimizer-last extension
// point: passes after that point (GlobalDCE, ConstantMerge, …) still change
// .rodata and with it the ld_imm64 offsets of the object clang writes. The
// tap is an analysis result that is requested at the optimizer-last point and
// never invalidated: the pipeline's analysis manager destroys it when the
// pipeline is done, which is the moment the callback runs. A destruction
// while a pass is still running (an analysis manager cleared early) is not
// the end: the tap then stays silent and the plugin falls back to its own
// code generation.
#ifndef BPFVERIFY_PLUGIN_PIPELINE_H
#define BPFVERIFY_PLUGIN_PIPELINE_H

#include <functional>
#include <memory>

namespace clang {
class CompilerInstance;
}
namespace llvm {
class Module;
}

namespace bpfverify {

struct PipelineTap {
  std::function<void(llvm::Module &)> OnOptimised;
  bool Armed = true;  // false once the plugin no longer wants the module
  bool Fired = false; // OnOptimised ran
  int PassDepth = 0;  // passes currently running (instrumentation)
};

// True when the compilation runs the LLVM pipeline whose module the plugin
// can verify: a code-generating action (-c, -S, -emit-llvm), debug info on
// (BTF, CO-RE relocations), no LTO pre-link pipeline (its module is not
// what the BPF backend finally sees).
bool pipelineTapUsable(const clang::CompilerInstance &CI);

// Adds the tap to the compilation's CodeGenOptions::PassBuilderCallbacks.
void installPipelineTap(clang::CompilerInstance &CI,
                        std::shared_ptr<PipelineTap> Tap);

} // namespace bpfverify

#endif
