// The look of our outlines, cards and dialog. banned and review differ in colour, line style and icon+word, so the
// difference survives colour blindness and greyscale screenshots. Written as esbuild's CSS minifier writes it
// (#rrggbbaa colours, bare font family names): it ships verbatim in the content script, whose budget is tight.
export const UI_STYLE = `.layer,.outline{position:fixed;left:0;top:0;pointer-events:none}\
.layer{width:0;height:0}\
.outline{box-sizing:border-box;border-radius:4px}\
.outline.banned{border:2px solid #d93025;background:#d930250f}\
.outline.review{border:2px dashed #b26a00;background:#f299000f}\
.outline.flash{box-shadow:0 0 0 6px #1a73e88c}\
.card,.dialog{position:fixed;pointer-events:auto;box-sizing:border-box;font:13px/1.45 system-ui,PingFang SC,Microsoft YaHei,sans-serif;color:#202124;background:#fff;border-radius:8px;box-shadow:0 4px 18px #00000038}\
.card{width:320px;max-width:calc(100vw - 16px);padding:10px 12px;border-left:6px solid #b26a00}\
.card.banned{border-left-color:#d93025}\
.item+.item{margin-top:8px;padding-top:8px;border-top:1px solid #eee}\
.verdict{font-weight:600}\
.verdict.banned{color:#b3261e}\
.verdict.review{color:#8a5300}\
.icon{display:inline-block;width:16px;height:16px;margin-right:6px;text-align:center;font:700 12px/16px system-ui,sans-serif;vertical-align:-2px}\
.banned .icon{border-radius:50%;background:#d93025;color:#fff}\
.review .icon{border-radius:3px;background:#f9ab00;color:#202124}\
.link{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all;color:#444}\
.muted{color:#5f6368;font-size:12px}\
button{font:inherit;cursor:pointer;border-radius:6px;padding:3px 10px;border:1px solid #dadce0;background:#f8f9fa;color:#202124}\
button.primary{background:#d93025;border-color:#d93025;color:#fff}\
button:focus-visible{outline:2px solid #1a73e8;outline-offset:2px}\
.actions{margin-top:6px;display:flex;gap:8px;align-items:center;justify-content:flex-end}\
.copy-area{width:100%;height:80px;font-size:11px;margin-top:6px}\
.backdrop{position:fixed;inset:0;pointer-events:auto;background:#00000059}\
.dialog{left:50%;top:20%;transform:translate(-50%);width:420px;max-width:calc(100vw - 24px);padding:16px 18px;border-top:6px solid #d93025}\
.dialog h2{margin:0 0 8px;font-size:15px;color:#b3261e}\
.dialog p{margin:6px 0}`;
