// plugin/Pipeline.cpp — the tap on the compilation's pipeline (Pipeline.h).
#include "Pipeline.h"

#include "clang/Basic/CodeGenOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendOptions.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassInstrumentation.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/OptimizationLevel.h"
#include "llvm/Passes/PassBuilder.h"

using namespace llvm;

namespace bpfverify {
namespace {

// The analysis whose result's destruction marks the end of the pipeline.
class PipelineEnd : public AnalysisInfoMixin<PipelineEnd> {
public:
  class Result {
  public:
    Result(std::shared_ptr<PipelineTap> T, Module &M)
        : Tap(std::move(T)), M(&M) {}
    Result(Result &&O) : Tap(std::move(O.Tap)), M(O.M) {}
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;
    Result &operator=(Result &&) = delete;
    ~Result() {
      // only the analysis manager's copy carries the tap (moved-from: null)
      if (!Tap || !Tap->Armed || Tap->Fired || Tap->PassDepth != 0)
        return;
      Tap->Fired = true;
      Tap->OnOptimised(*M);
    }
    // Kept whatever the passes change: it must live to the very end.
    bool invalidate(Module &, const PreservedAnalyses &,
                    ModuleAnalysisManager::Invalidator &) {
      return false;
    }

  private:
    std::shared_ptr<PipelineTap> Tap;
    Module *M;
  };

  explicit PipelineEnd(std::shared_ptr<PipelineTap> T) : Tap(std::move(T)) {}
  Result run(Module &M, ModuleAnalysisManager &) { return Result(Tap, M); }

private:
  friend AnalysisInfoMixin<PipelineEnd>;
  static AnalysisKey Key;
  std::shared_ptr<PipelineTap> Tap;
};

AnalysisKey PipelineEnd::Key;

// Requests the analysis (so the manager holds its result); changes nothing.
struct RequestPipelineEnd : PassInfoMixin<RequestPipelineEnd> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    MAM.getResult<PipelineEnd>(M);
    return PreservedAnalyses::all();
  }
  static bool isRequired() { return true; } // runs at -O0 and under optnone
};

} // namespace

bool pipelineTapUsable(const clang::CompilerInstance &CI) {
  switch (CI.getFrontendOpts().ProgramAction) {
  case clang::frontend::EmitObj:
  case clang::frontend::EmitAssembly:
  case clang::frontend::EmitBC:
  case clang::frontend::EmitLLVM:
  case clang::frontend::EmitLLVMOnly:
  case clang::frontend::EmitCodeGenOnly:
    break;
  default:
    return false; // -fsyntax-only and the like: no pipeline runs
  }
  const clang::CodeGenOptions &CG = CI.getCodeGenOpts();
  // -g is DebugInfoConstructor: type info (BTF) for every C type
  return CG.getDebugInfo() >= llvm::codegenoptions::DebugInfoConstructor &&
         CG.DwarfVersion != 0 && !CG.PrepareForLTO && !CG.PrepareForThinLTO &&
         !CG.FatLTO && CG.ThinLTOIndexFile.empty() && !CG.DisableLLVMPasses;
}

void installPipelineTap(clang::CompilerInstance &CI,
                        std::shared_ptr<PipelineTap> Tap) {
  CI.getCodeGenOpts().PassBuilderCallbacks.push_back(
      [Tap](PassBuilder &PB) {
        if (!Tap->Armed || Tap->Fired)
          return;
        if (PassInstrumentationCallbacks *PIC =
                PB.getPassInstrumentationCallbacks()) {
          PIC->registerBeforeNonSkippedPassCallback(
              [Tap](StringRef, Any) { ++Tap->PassDepth; });
          PIC->registerAfterPassCallback(
              [Tap](StringRef, Any, const PreservedAnalyses &) {
                --Tap->PassDepth;
              });
          PIC->registerAfterPassInvalidatedCallback(
              [Tap](StringRef, const PreservedAnalyses &) {
                --Tap->PassDepth;
              });
        }
        PB.registerAnalysisRegistrationCallback(
            [Tap](ModuleAnalysisManager &MAM) {
              MAM.registerPass([Tap] { return PipelineEnd(Tap); });
            });
        PB.registerOptimizerLastEPCallback(
            [](ModulePassManager &MPM, OptimizationLevel
#if LLVM_VERSION_MAJOR >= 20
               ,
               ThinOrFullLTOPhase
#endif
            ) { MPM.addPass(RequestPipelineEnd()); });
      });
}

} // namespace bpfverify
