// plugin/BpfVerifyPlugin.cpp — the Clang plugin "bpfverify": the plugin
// action (registration, option parsing) and the AST consumer that gives the
// translation unit to its own CodeGenerator, lowers it to a BPF object in
// memory and hands that to Verify.cpp.
//
// The consumer runs before the main action's (AddBeforeMainAction; -fplugin=
// alone enables it). While clang parses, it only records the AST-consumer
// events it receives — the same stream, in the same order, that the
// compiler's own code generator receives; the AST is never parsed twice. At
// the end of the translation unit it replays them into a private
// CodeGenerator in a forked child (Isolate.h): LLVM's BPF backend keeps
// process-global state across modules, so generating a second module in
// clang's own process would change the compilation's output and ours. The
// child's code generator has a private LLVMContext and a DiagnosticsEngine
// that records instead of printing, so the compiler's own diagnostics are
// never duplicated.
#include "Isolate.h"
#include "LlvmCompat.h"
#include "Options.h"
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

// One code generation + verification, run in the child: replays the
// recorded events into a private CodeGenerator, lowers the module to an
// object and collects the verification results.
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
  }

  Collected run(ASTContext &C, const std::vector<Event> &Events,
                llvm::StringRef Source,
                const std::vector<OpenedKernel> *Preloaded) {
    Collected Out;
    if (Opts.DebugStall)
      std::this_thread::sleep_for(std::chrono::hours(1));
    if (Opts.DebugCrash)
      __builtin_trap();

    llvm::LLVMContext LLCtx;
    std::string BackendError;
    LLCtx.setDiscardValueNames(CGOpts.DiscardValueNames);
    LLCtx.setDiagnosticHandler(
        std::make_unique<RecordingLLVMHandler>(&BackendError));
    auto *Rec = new RecordingDiagConsumer();
    compat::OwnedDiagOptions PrivDiagOpts;
    DiagnosticsEngine PrivDiags(CI.getDiagnostics().getDiagnosticIDs(),
                                PrivDiagOpts.get(), Rec,
                                /*ShouldOwnClient=*/true);
    PrivDiags.setSourceManager(&CI.getSourceManager());
    auto failed = [&] {
      return PrivDiags.hasErrorOccurred() || Rec->getNumErrors() > 0 ||
             !BackendError.empty();
    };
    auto why = [&] {
      if (!Rec->FirstError.empty())
        return Rec->FirstError;
      return BackendError.empty() ? std::string("unknown error")
                                  : BackendError;
    };

    std::unique_ptr<llvm::Module> M;
    {
      std::unique_ptr<CodeGenerator> Gen(CreateLLVMCodeGen(
          PrivDiags, "bpfverify", CI.getFileManager().getVirtualFileSystemPtr(),
          CI.getHeaderSearchOpts(), CI.getPreprocessorOpts(), CGOpts, LLCtx));
      Gen->Initialize(C);
      for (const Event &E : Events)
        E(*Gen);
      Gen->HandleTranslationUnit(C);
      if (failed()) {
        Out.InternalError = "code generation failed: " + why();
        return Out;
      }
      M = compat::ownModule(Gen->ReleaseModule());
    }
    if (!M) {
      Out.InternalError = "code generation produced no module";
      return Out;
    }
    bool HasCode = false;
    for (const llvm::Function &F : *M)
      HasCode |= !F.isDeclaration();
    if (!HasCode)
      return Out; // declarations and data only: no program to verify

    llvm::SmallString<0> Object;
    compat::emitBackendOutput(CI, PrivDiags, CGOpts,
                              C.getTargetInfo().getDataLayoutString(), M.get(),
                              Backend_EmitObj,
                              CI.getFileManager().getVirtualFileSystemPtr(),
                              std::make_unique<llvm::raw_svector_ostream>(Object));
    M.reset();
    if (failed()) {
      Out.InternalError = "BPF code generation failed: " + why();
      return Out;
    }
    if (Object.empty()) {
      Out.InternalError = "BPF code generation produced no object";
      return Out;
    }
    if (!Opts.DumpObjectPath.empty())
      dumpObject(Object, Out);
    collect(Opts, Object, Source, Out, Preloaded);
    return Out;
  }

private:
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
    if (!live()) {
      Prefetch.reset(); // no thread left running when clang exits
      return;           // the compilation failed: nothing to verify
    }
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    std::string Bytes, Detail;
    // joined before the fork: the child inherits the loaded profiles
    const std::vector<OpenedKernel> *Preloaded =
        Prefetch ? &Prefetch->wait() : nullptr;
    IsolateStatus St = runIsolated(
        [&] {
          ChildCodegen Child(CI, Opts);
          return serialize(Child.run(C, Events, Source, Preloaded));
        },
        effectiveTimeout(Opts), Bytes, Detail);
    Events.clear();
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

  ActionType getActionType() override { return AddBeforeMainAction; }

private:
  Options Opts;
};

} // namespace
} // namespace bpfverify

static FrontendPluginRegistry::Add<bpfverify::BpfVerifyAction>
    X("bpfverify", "verify BPF programs with the Linux verifier's rules");
