// Copy buttons beside a link the user must keep or pass on (the facilitator's secret link, the public report link).
// Hidden in the page; shown only where the browser lets us write to the clipboard. The sentence it says after
// copying comes from the server (Texts.Live, on the live announcer), so the script holds no Dutch of its own.
(() => {
    "use strict";
    const announcer = document.getElementById("live-announcer");
    const texts = JSON.parse((announcer && announcer.dataset.texts) || "{}");
    document.querySelectorAll("button[data-copy]").forEach((button) => {
        const field = document.getElementById(button.dataset.copy);
        if (!field || !navigator.clipboard) return;
        button.hidden = false;
        button.addEventListener("click", async () => {
            await navigator.clipboard.writeText(field.value);
            const status = button.closest("section")?.querySelector(".copy-status");
            if (status) status.textContent = texts.linkCopied || "";
        });
    });
})();
