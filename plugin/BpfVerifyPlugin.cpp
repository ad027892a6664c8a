// plugin/BpfVerifyPlugin.cpp — the Clang plugin "bpfverify": the plugin
// action (registration, option parsing) and the AST consumer that runs its
// own CodeGenerator alongside the compilation, lowers the module to a BPF
// object in memory and hands it to Verify.cpp.
//
// The consumer is added after the main action (AddAfterMainAction), so it
// sees every AST callback once, in the same order as the compiler's own
// code generator; the AST is never parsed twice. Its code generator has a
// private LLVMContext and a private DiagnosticsEngine that records instead of
// printing, so the compiler's own diagnostics are never duplicated.
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
#include <memory>
#include <string>

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

class BpfVerifyConsumer : public ASTConsumer {
public:
  BpfVerifyConsumer(CompilerInstance &CI, Options Opts, std::string Source)
      : CI(CI), Opts(std::move(Opts)), Source(std::move(Source)),
        CGOpts(CI.getCodeGenOpts()) {
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
    CGOpts.ClearASTBeforeBackend = false;

    LLCtx.setDiscardValueNames(CGOpts.DiscardValueNames);
    LLCtx.setDiagnosticHandler(
        std::make_unique<RecordingLLVMHandler>(&BackendError));

    auto *Rec = new RecordingDiagConsumer();
    Recorder = Rec;
    PrivDiags = std::make_unique<DiagnosticsEngine>(
        CI.getDiagnostics().getDiagnosticIDs(), new DiagnosticOptions(), Rec,
        /*ShouldOwnClient=*/true);
    PrivDiags->setSourceManager(&CI.getSourceManager());
    Gen.reset(CreateLLVMCodeGen(*PrivDiags, "bpfverify",
                                CI.getFileManager().getVirtualFileSystemPtr(),
                                CI.getHeaderSearchOpts(),
                                CI.getPreprocessorOpts(), CGOpts, LLCtx));
  }

  ~BpfVerifyConsumer() override {
    Gen.reset(); // before the LLVMContext goes
  }

  // ---- forwarding; stops once the compilation has errors (CodeGen must
  // never see an invalid AST) ----
  bool live() {
    if (!Stopped && CI.getDiagnostics().hasErrorOccurred())
      Stopped = true;
    return !Stopped;
  }
  void Initialize(ASTContext &C) override { Gen->Initialize(C); }
  bool HandleTopLevelDecl(DeclGroupRef D) override {
    if (live())
      Gen->HandleTopLevelDecl(D);
    return true;
  }
  void HandleInlineFunctionDefinition(FunctionDecl *D) override {
    if (live())
      Gen->HandleInlineFunctionDefinition(D);
  }
  void HandleInterestingDecl(DeclGroupRef D) override {
    if (live())
      Gen->HandleInterestingDecl(D);
  }
  void HandleTagDeclDefinition(TagDecl *D) override {
    if (live())
      Gen->HandleTagDeclDefinition(D);
  }
  void HandleTagDeclRequiredDefinition(const TagDecl *D) override {
    if (live())
      Gen->HandleTagDeclRequiredDefinition(D);
  }
  void HandleCXXImplicitFunctionInstantiation(FunctionDecl *D) override {
    if (live())
      Gen->HandleCXXImplicitFunctionInstantiation(D);
  }
  void HandleTopLevelDeclInObjCContainer(DeclGroupRef D) override {
    if (live())
      Gen->HandleTopLevelDeclInObjCContainer(D);
  }
  void HandleImplicitImportDecl(ImportDecl *D) override {
    if (live())
      Gen->HandleImplicitImportDecl(D);
  }
  void CompleteTentativeDefinition(VarDecl *D) override {
    if (live())
      Gen->CompleteTentativeDefinition(D);
  }
  void CompleteExternalDeclaration(DeclaratorDecl *D) override {
    if (live())
      Gen->CompleteExternalDeclaration(D);
  }
  void AssignInheritanceModel(CXXRecordDecl *RD) override {
    if (live())
      Gen->AssignInheritanceModel(RD);
  }
  void HandleCXXStaticMemberVarInstantiation(VarDecl *D) override {
    if (live())
      Gen->HandleCXXStaticMemberVarInstantiation(D);
  }
  void HandleVTable(CXXRecordDecl *RD) override {
    if (live())
      Gen->HandleVTable(RD);
  }

  void HandleTranslationUnit(ASTContext &C) override {
    if (!live())
      return; // the compilation failed: nothing to verify
    Gen->HandleTranslationUnit(C);
    if (!live())
      return;
    DiagnosticsEngine &Diags = CI.getDiagnostics();
    if (PrivDiags->hasErrorOccurred() || !BackendError.empty()) {
      reportInternalError(Diags, "code generation failed: " + codegenError());
      return;
    }
    std::unique_ptr<llvm::Module> M(Gen->ReleaseModule());
    if (!M) {
      reportInternalError(Diags, "code generation produced no module");
      return;
    }
    bool HasCode = false;
    for (const llvm::Function &F : *M)
      HasCode |= !F.isDeclaration();
    if (!HasCode)
      return; // declarations and data only: no program to verify
    llvm::SmallString<0> Object;
    EmitBackendOutput(*PrivDiags, CI.getHeaderSearchOpts(), CGOpts,
                      CI.getTargetOpts(), CI.getLangOpts(),
                      C.getTargetInfo().getDataLayoutString(), M.get(),
                      Backend_EmitObj,
                      CI.getFileManager().getVirtualFileSystemPtr(),
                      std::make_unique<llvm::raw_svector_ostream>(Object));
    M.reset();
    if (PrivDiags->hasErrorOccurred() || !BackendError.empty()) {
      reportInternalError(Diags, "BPF code generation failed: " +
                                     codegenError());
      return;
    }
    if (Object.empty()) {
      reportInternalError(Diags, "BPF code generation produced no object");
      return;
    }
    if (!Opts.DumpObjectPath.empty())
      dumpObject(Object);
    verifyObject(CI, C, Opts, Object, Source);
  }

private:
  std::string codegenError() const {
    if (!Recorder->FirstError.empty())
      return Recorder->FirstError;
    if (!BackendError.empty())
      return BackendError;
    return "unknown error";
  }

  void dumpObject(llvm::StringRef Object) {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Opts.DumpObjectPath, EC);
    if (!EC) {
      OS << Object;
      OS.close();
      EC = OS.error();
    }
    if (EC) {
      OS.clear_error();
      unsigned ID = CI.getDiagnostics().getCustomDiagID(
          DiagnosticsEngine::Warning, "bpfverify: cannot write object '%0': %1");
      CI.getDiagnostics().Report(ID) << Opts.DumpObjectPath << EC.message();
    }
  }

  CompilerInstance &CI;
  Options Opts;
  std::string Source;
  CodeGenOptions CGOpts; // the compilation's, with debug info forced on
  llvm::LLVMContext LLCtx;
  std::string BackendError;
  RecordingDiagConsumer *Recorder = nullptr; // owned by PrivDiags
  std::unique_ptr<DiagnosticsEngine> PrivDiags;
  std::unique_ptr<CodeGenerator> Gen;
  bool Stopped = false;
};

class BpfVerifyAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef File) override {
    if (!CI.hasTarget() || !CI.getTarget().getTriple().isBPF())
      return std::make_unique<ASTConsumer>(); // not BPF: do nothing
    // The compiler's own backend consumer frees the AST before running the
    // backend when asked to (-clear-ast-before-backend, a driver default);
    // this consumer runs after it and still needs the AST.
    CI.getCodeGenOpts().ClearASTBeforeBackend = false;
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

  ActionType getActionType() override { return AddAfterMainAction; }

private:
  Options Opts;
};

} // namespace
} // namespace bpfverify

static FrontendPluginRegistry::Add<bpfverify::BpfVerifyAction>
    X("bpfverify", "verify BPF programs with the Linux verifier's rules");
