// plugin/BpfVerifyPlugin.cpp — the Clang plugin "bpfverify": the plugin
// action (registration, option parsing) and the AST consumer that obtains the
// translation unit's BPF object in memory and hands it to Verify.cpp.
//
// One optimisation pipeline: when the compilation itself generates code
// (-c, -S, -emit-llvm) with debug info, the plugin taps clang's own LLVM
// pipeline (Pipeline.h): right after its last pass, before code generation,
// it forks a child (Isolate.h) that holds the optimised module (fork copies
// it) and runs only the BPF code generation on it (EmitBackendOutput with the
// LLVM passes disabled), then verifies; clang goes on with its own code
// generation meanwhile. The instructions are those of the .o (lit test
// plugin/dump-object.test). The consumer runs after the main action's
// (AddAfterMainAction; -fplugin= alone enables it), so at the end of the
// translation unit the compilation's backend has run and the child's
// results are collected and reported.
//
// Otherwise (-fsyntax-only, as clangd runs it; no -g; LTO pre-link) the
// plugin generates code of its own: while clang parses, it records the
// AST-consumer events it receives — the same stream, in the same order,
// that a code generator receives; the AST is never parsed twice — and at the
// end of the translation unit replays them into a private CodeGenerator in
// a forked child, with debug info forced on, the whole -O2 pipeline and code
// generation. In either case the child exists because LLVM's BPF backend
// keeps process-global state across modules (a second code generation in
// clang's own process would change the compilation's output and ours) and
// to contain crashes and hangs. The child's diagnostics are recorded, not
// printed, so the compiler's own are never duplicated.
#include "Isolate.h"
#include "LlvmCompat.h"
#include "Options.h"
#include "Pipeline.h"
#include "Verify.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/TargetInfo.h"
#include "clang/CodeGen/BackendUtil.h"
#include "clang/CodeGen/ModuleBuilder.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"
#include "llvm/IR/DiagnosticHandler.h"
#include "llvm/IR/DiagnosticInfo.h"
#include "llvm/IR/DiagnosticPrinter.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

using namespace clang;

namespace bpfverify {
namespace {

// Records the first error of the private code generator; drops the rest
// (the compiler's own code generator reports the same things).
class RecordingDiagConsumer : public DiagnosticConsumer {
public:
  std::string FirstError;
  void HandleDiagnostic(DiagnosticsEngine::Level Level,
                        const Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Level >= DiagnosticsEngine::Error && FirstError.empty()) {
      llvm::SmallString<128> S;
      Info.FormatDiagnostic(S);
      FirstError = S.str().str();
    }
  }
};

// The same for the backend's diagnostics (LLVMContext); without a handler an
// LLVM error would terminate the process.
struct RecordingLLVMHandler : public llvm::DiagnosticHandler {
  std::string *FirstError;
  explicit RecordingLLVMHandler(std::string *E) : FirstError(E) {}
  bool handleDiagnostics(const llvm::DiagnosticInfo &DI) override {
    if (DI.getSeverity() == llvm::DS_Error && FirstError->empty()) {
      llvm::raw_string_ostream OS(*FirstError);
      llvm::DiagnosticPrinterRawOStream DP(OS);
      DI.print(DP);
      OS.flush();
      while (!FirstError->empty() && isspace((unsigned char)FirstError->back()))
        FirstError->pop_back();
    }
    return true;
  }
};

// The private code generator's diagnostics engine: recorded, never shown
// (the compiler's own code generator reports the same things).
struct PrivateDiags {
  compat::OwnedDiagOptions Opts;
  RecordingDiagConsumer *Rec; // owned by Engine
  DiagnosticsEngine Engine;
  explicit PrivateDiags(CompilerInstance &CI)
      : Rec(new RecordingDiagConsumer()),
        Engine(CI.getDiagnostics().getDiagnosticIDs(), Opts.get(), Rec,
               /*ShouldOwnClient=*/true) {
    Engine.setSourceManager(&CI.getSourceManager());
  }
};

// Code generation + verification, run in the child: either replays the
// recorded events into a private CodeGenerator (the whole pipeline), or
// takes the compilation's optimised module (code generation only); lowers
// the module to an object and collects the verification results.
class ChildCodegen {
public:
  using Event = std::function<void(CodeGenerator &)>;

  ChildCodegen(CompilerInstance &CI, const Options &Opts)
      : CI(CI), Opts(Opts), CGOpts(CI.getCodeGenOpts()) {
    // BTF line info comes from debug info: force it on (it does not change
    // the instructions; test/lit/plugin/dump-object.test checks that).
    if (CGOpts.getDebugInfo() < llvm::codegenoptions::LimitedDebugInfo)
      CGOpts.setDebugInfo(llvm::codegenoptions::LimitedDebugInfo);
    if (CGOpts.DwarfVersion == 0)
      CGOpts.DwarfVersion = 5;
    // Side outputs belong to the real compilation only.
    CGOpts.SplitDwarfFile.clear();
    CGOpts.SplitDwarfOutput.clear();
    CGOpts.StackUsageOutput.clear();
    CGOpts.CoverageNotesFile.clear();
    CGOpts.CoverageDataFile.clear();
    CGOpts.TimePasses = false;
    CGOpts.PrepareForLTO = false;
    CGOpts.PrepareForThinLTO = false;
    CGOpts.FatLTO = false;
  }

  // The whole pipeline, on a module of its own.
  Collected run(ASTContext &C, const std::vector<Event> &Events,
                llvm::StringRef Source,
                const std::vector<OpenedKernel> *Preloaded) {
    Collected Out;
    if (debugFailure())
      return Out;
    llvm::LLVMContext LLCtx;
    std::string BackendError;
    LLCtx.setDiscardValueNames(CGOpts.DiscardValueNames);
    LLCtx.setDiagnosticHandler(
        std::make_unique<RecordingLLVMHandler>(&BackendError));
    PrivateDiags PD(CI);
    DiagnosticsEngine &PrivDiags = PD.Engine;
    RecordingDiagConsumer *Rec = PD.Rec;

    std::unique_ptr<llvm::Module> M;
    {
      std::unique_ptr<CodeGenerator> Gen(CreateLLVMCodeGen(
          PrivDiags, "bpfverify", CI.getFileManager().getVirtualFileSystemPtr(),
          CI.getHeaderSearchOpts(), CI.getPreprocessorOpts(), CGOpts, LLCtx));
      Gen->Initialize(C);
      for (const Event &E : Events)
        E(*Gen);
      Gen->HandleTranslationUnit(C);
      if (failed(PrivDiags, *Rec, BackendError)) {
        Out.InternalError =
            "code generation failed: " + why(*Rec, BackendError);
        return Out;
      }
      M = compat::ownModule(Gen->ReleaseModule());
    }
    if (!M) {
      Out.InternalError = "code generation produced no module";
      return Out;
    }
    // -save-temps emits bitcode with the passes off (the module above is
    // generated the same way) and optimises it in the next step: verify
    // the optimised form, as the object will have it.
    CGOpts.DisableLLVMPasses = false;
    emitAndCollect(*M, PrivDiags, *Rec, BackendError, Source, Preloaded, Out);
    return Out;
  }

  // Code generation only, on the compilation's optimised module (this
  // process's copy of it: the child's).
  Collected runOptimised(llvm::Module &M, llvm::StringRef Source,
                         const std::vector<OpenedKernel> *Preloaded) {
    Collected Out;
    if (debugFailure())
      return Out;
    CGOpts.DisableLLVMPasses = true; // clang's pipeline already ran
    std::string BackendError;
    M.getContext().setDiagnosticHandler(
        std::make_unique<RecordingLLVMHandler>(&BackendError));
    PrivateDiags PD(CI);
    DiagnosticsEngine &PrivDiags = PD.Engine;
    RecordingDiagConsumer *Rec = PD.Rec;
    emitAndCollect(M, PrivDiags, *Rec, BackendError, Source, Preloaded, Out);
    return Out;
  }

private:
  // debug-stall / debug-crash: the failures the isolation must contain.
  bool debugFailure() {
    if (Opts.DebugStall)
      std::this_thread::sleep_for(std::chrono::hours(1));
    if (Opts.DebugCrash)
      __builtin_trap();
    return false;
  }

  static bool failed(const DiagnosticsEngine &PrivDiags,
                     const RecordingDiagConsumer &Rec,
                     const std::string &BackendError) {
    return PrivDiags.hasErrorOccurred() || Rec.getNumErrors() > 0 ||
           !BackendError.empty();
  }

  static std::string why(const RecordingDiagConsumer &Rec,
                         const std::string &BackendError) {
    if (!Rec.FirstError.empty())
      return Rec.FirstError;
    return BackendError.empty() ? std::string("unknown error") : BackendError;
  }

  void emitAndCollect(llvm::Module &M, DiagnosticsEngine &PrivDiags,
                      const RecordingDiagConsumer &Rec,
                      const std::string &BackendError, llvm::StringRef Source,
                      const std::vector<OpenedKernel> *Preloaded,
                      Collected &Out) {
    bool HasCode = false;
    for (const llvm::Function &F : M)
      HasCode |= !F.isDeclaration();
    if (!HasCode)
      return; // declarations and data only: no program to verify

    llvm::SmallString<0> Object;
    compat::emitBackendOutput(CI, PrivDiags, CGOpts,
                              CI.getTarget().getDataLayoutString(), &M,
                              Backend_EmitObj,
                              CI.getFileManager().getVirtualFileSystemPtr(),
                              std::make_unique<llvm::raw_svector_ostream>(Object));
    if (failed(PrivDiags, Rec, BackendError)) {
      Out.InternalError = "BPF code generation failed: " + why(Rec, BackendError);
      return;
    }
    if (Object.empty()) {
      Out.InternalError = "BPF code generation produced no object";
      return;
    }
    if (!Opts.DumpObjectPath.empty())
      dumpObject(Object, Out);
    collect(Opts, Object, Source, Out, Preloaded);
  }

  void dumpObject(llvm::StringRef Object, Collected &Out) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Opts.DumpObjectPath, EC);
    if (!EC) {
      OS << Object;
      OS.close();
      EC = OS.error();
      OS.clear_error();
    }
    if (EC)
      Out.FileProblems.push_back("cannot write object '" +
                                 Opts.DumpObjectPath + "': " + EC.message());
  }

  CompilerInstance &CI;
  const Options &Opts;
  CodeGenOptions CGOpts; // the compilation's, with debug info forced on
};

class BpfVerifyConsumer : public ASTConsumer {
public:
  BpfVerifyConsumer(CompilerInstance &CI, Options O, std::string Source)
      : CI(CI), Opts(std::move(O)), Source(std::move(Source)) {
    // exact mode runs the real kernel instead: nothing to preload
    if (Opts.Exact.empty()) {
      bool Explicit;
      Prefetch = std::make_unique<KernelPrefetch>(kernelSpecs(Opts, Explicit));
    }
    if (pipelineTapUsable(CI)) {
      Tap = std::make_shared<PipelineTap>();
      Tap->OnOptimised = [this](llvm::Module &M) { startOptimised(M); };
      installPipelineTap(CI, Tap);
    }
  }
  ~BpfVerifyConsumer() override {
    if (Tap)
      Tap->Armed = false;
    cancelIsolated(Child);
  }

  // Called by the tap between clang's optimisation and code generation:
  // forks the child that generates code from (its copy of) the module and
  // verifies; collected in HandleTranslationUnit.
  void startOptimised(llvm::Module &M) {
    // joined before the fork: the child inherits the loaded profiles, and
    // no thread may hold a lock across fork
    const std::vector<OpenedKernel> *Preloaded =
        Prefetch ? &Prefetch->wait() : nullptr;
    if (!startIsolated(
            [&] {
              ChildCodegen Gen(CI, Opts);
              return serialize(Gen.runOptimised(M, Source, Preloaded));
            },
            Child, StartError))
      Child = IsolatedChild();
  }

  // ---- recording; stops once the compilation has errors (code generation
  // must never see an invalid AST) ----
  bool live() {
    if (!Stopped && CI.getDiagnostics().hasErrorOccurred())
      Stopped = true;
    return !Stopped;
  }
  void record(ChildCodegen::Event E) {
    if (live())
      Events.push_back(std::move(E));
  }
  bool HandleTopLevelDecl(DeclGroupRef D) override {
    record([D](CodeGenerator &G) { G.HandleTopLevelDecl(D); });
    return true;
  }
  void HandleInlineFunctionDefinition(FunctionDecl *D) override {
    record([D](CodeGenerator &G) { G.HandleInlineFunctionDefinition(D); });
  }
  void HandleInterestingDecl(DeclGroupRef D) override {
    record([D](CodeGenerator &G) { G.HandleInterestingDecl(D); });
  }
  void HandleTagDeclDefinition(TagDecl *D) override {
    record([D](CodeGenerator &G) { G.HandleTagDeclDefinition(D); });
  }
  void HandleTagDeclRequiredDefinition(const TagDecl *D) override {
    record([D](CodeGenerator &G) { G.HandleTagDeclRequiredDefinition(D); });
  }
  void HandleCXXImplicitFunctionInstantiation(FunctionDecl *D) override {
    record(
        [D](CodeGenerator &G) { G.HandleCXXImplicitFunctionInstantiation(D); });
  }
  void HandleTopLevelDeclInObjCContainer(DeclGroupRef D) override {
    record([D](CodeGenerator &G) { G.HandleTopLevelDeclInObjCContainer(D); });
  }
  void HandleImplicitImportDecl(ImportDecl *D) override {
    record([D](CodeGenerator &G) { G.HandleImplicitImportDecl(D); });
  }
  void CompleteTentativeDefinition(VarDecl *D) override {
    record([D](CodeGenerator &G) { G.CompleteTentativeDefinition(D); });
  }
  void CompleteExternalDeclaration(DeclaratorDecl *D) override {
    record([D](CodeGenerator &G) { G.CompleteExternalDeclaration(D); });
  }
  void AssignInheritanceModel(CXXRecordDecl *RD) override {
    record([RD](CodeGenerator &G) { G.AssignInheritanceModel(RD); });
  }
  void HandleCXXStaticMemberVarInstantiation(VarDecl *D) override {
    record(
        [D](CodeGenerator &G) { G.HandleCXXStaticMemberVarInstantiation(D); });
  }
  void HandleVTable(CXXRecordDecl *RD) override {
    record([RD](CodeGenerator &G) { G.HandleVTable(RD); });
  }

  void HandleTranslationUnit(ASTContext &C) override {
    if (Tap)
      Tap->Armed = false; // clang's pipeline is over (or never ran)
    if (!live()) {
      cancelIsolated(Child);
      Prefetch.reset(); // no thread left running when clang exits
      return;           // the compilation failed: nothing to verify
    }
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    std::string Bytes, Detail;
    IsolateStatus St;
    bool Optimised = Tap && Tap->Fired;
    if (Optimised && !Child.running()) {
      St = IsolateStatus::Failed;
      Detail = StartError;
    } else if (Optimised) {
      St = finishIsolated(Child, effectiveTimeout(Opts), Bytes, Detail);
    } else {
      // no pipeline of clang's to take the module from: generate our own
      const std::vector<OpenedKernel> *Preloaded =
          Prefetch ? &Prefetch->wait() : nullptr;
      St = runIsolated(
          [&] {
            ChildCodegen Gen(CI, Opts);
            return serialize(Gen.run(C, Events, Source, Preloaded));
          },
          effectiveTimeout(Opts), Bytes, Detail);
    }
    Events.clear();
    if (Opts.DebugPipeline) {
      unsigned ID = Diags.getCustomDiagID(DiagnosticsEngine::Remark,
                                          "bpfverify: verified %0");
      Diags.Report(ID) << (Optimised ? "the compilation's optimised module"
                                     : "a code generation of its own");
    }
    switch (St) {
    case IsolateStatus::Ok:
      break;
    case IsolateStatus::TimedOut:
      reportInternalError(Diags, Opts, Source, "verifying '" + Source +
                                     "' did not finish within " +
                                     llvm::Twine(effectiveTimeout(Opts)) +
                                     " s; no results");
      return;
    case IsolateStatus::Crashed:
      reportInternalError(Diags, Opts, Source, "the verifier crashed while checking '" +
                                     Source + "' (" + Detail +
                                     "); no results");
      return;
    case IsolateStatus::Failed:
      reportInternalError(Diags, Opts, Source, "cannot start the verifier: " + Detail);
      return;
    }
    Collected Results;
    if (!deserialize(Bytes, Results)) {
      reportInternalError(Diags, Opts, Source, "malformed results from the verifier");
      return;
    }
    report(CI, C, Opts, Source, Results);
  }

private:
  CompilerInstance &CI;
  Options Opts;
  std::string Source;
  std::vector<ChildCodegen::Event> Events;
  bool Stopped = false;
  std::unique_ptr<KernelPrefetch> Prefetch;
  std::shared_ptr<PipelineTap> Tap; // null: no clang pipeline to tap
  IsolatedChild Child;              // forked by the tap, if it fired
  std::string StartError;           // why the fork failed
};

class BpfVerifyAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    if (!CI.hasTarget() || !CI.getTarget().getTriple().isBPF())
      return std::make_unique<ASTConsumer>(); // not BPF: do nothing
    return std::make_unique<BpfVerifyConsumer>(CI, Opts, File.str());
  }

  bool ParseArgs(const CompilerInstance &CI,
                 const std::vector<std::string> &Args) override {
    bool Ok = true;
    for (const std::string &A : Args) {
      std::string Err;
      if (!parseOption(A, Opts, Err)) {
        DiagnosticsEngine &D = CI.getDiagnostics();
        unsigned ID =
            D.getCustomDiagID(DiagnosticsEngine::Error, "bpfverify: %0");
        D.Report(ID) << Err;
        Ok = false;
      }
    }
    return Ok;
  }

  // After the main action: its backend (and the tap in its pipeline) has run
  // when this consumer's HandleTranslationUnit collects the results.
  ActionType getActionType() override { return AddAfterMainAction; }

private:
  Options Opts;
};

} // namespace
} // namespace bpfverify

static FrontendPluginRegistry::Add<bpfverify::BpfVerifyAction>
    X("bpfverify", "verify BPF programs with the Linux verifier's rules");
