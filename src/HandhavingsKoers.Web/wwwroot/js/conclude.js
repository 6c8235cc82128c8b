// "Verslag afronden": each part of the form (a principle's conclusion and kernpunten, or the samenvatting) is saved
// as it is typed. Without this script the page's "Opslaan" button saves everything with a plain form post.
// Each save carries the version the page showed; the server refuses (409) a save based on an older version, so an
// old tab never silently overwrites newer text. Sentences come from the server (Texts.Conclude).
(() => {
    "use strict";

    const form = document.querySelector("form[data-autosave]");
    if (!form || !("fetch" in window)) return;
    const texts = JSON.parse(form.dataset.texts || "{}");
    // The page says "press Opslaan" (true without this script); with it, what is typed is saved as it is typed.
    const note = document.querySelector("[data-autosave-note]");
    if (note && texts.autosave) note.textContent = texts.autosave;
    const tokenField = form.querySelector("input[name=__RequestVerificationToken]");
    const action = form.getAttribute("action") || window.location.href;
    const delay = 800;

    const parts = [];
    form.querySelectorAll("[data-part]").forEach((part) => {
        const status = part.querySelector("[data-status]");
        const version = part.querySelector("[data-version]");
        let timer = 0;
        let inFlight = false;
        let again = false;
        let dirty = false;
        let stopped = false;
        let current = Promise.resolve();

        // Only this part's fields: a save never sends (and so never overwrites) another part.
        const body = () => {
            const data = new FormData();
            if (tokenField) data.set(tokenField.name, tokenField.value);
            part.querySelectorAll("input[name], textarea[name]").forEach((field) => {
                if (field.type === "checkbox") {
                    if (field.checked) data.append(field.name, field.value);
                } else {
                    data.append(field.name, field.value);
                }
            });
            return data;
        };

        const show = (text, isError) => {
            status.textContent = text;
            status.classList.toggle("field-error", Boolean(isError));
        };

        const save = (keepalive) => {
            window.clearTimeout(timer);
            timer = 0;
            if (stopped) return current;
            if (inFlight) {
                again = true;
                return current;
            }

            current = send(keepalive);
            return current;
        };

        const send = async (keepalive) => {
            inFlight = true;
            dirty = false;
            show(texts.saving, false);
            try {
                const response = await fetch(action, {
                    method: "POST", body: body(), credentials: "same-origin", keepalive: Boolean(keepalive),
                    headers: { "X-Requested-With": "fetch" },
                });
                if (response.ok) {
                    const answer = await response.json();
                    const key = part.dataset.part;
                    version.value = String(key in answer.versions ? answer.versions[key] : answer.summaryVersion);
                    show(answer.message, false);
                } else {
                    show(await response.text(), true);
                    // Newer text was saved elsewhere: stop here; the message says to reload. A broken rule (too
                    // long, too many kernpunten) is saved again as soon as the text or choice changes.
                    if (response.status === 409) stopped = true;
                }
            } catch {
                show(texts.failed, true);
                dirty = true;
                timer = window.setTimeout(save, 5000);
            } finally {
                inFlight = false;
            }

            if (again) {
                again = false;
                await save();
            }
        };

        // Before the "Opslaan" button posts the whole form: this part's own save finished, so the form carries its
        // newest version. Returns false when newer text was saved elsewhere (the form would be refused).
        parts.push(async () => {
            window.clearTimeout(timer);
            timer = 0;
            dirty = false;
            await current;
            return !stopped;
        });

        part.addEventListener("input", (event) => {
            if (event.target.type === "checkbox") return;
            dirty = true;
            window.clearTimeout(timer);
            timer = window.setTimeout(save, delay);
        });
        part.addEventListener("change", (event) => {
            if (event.target.type === "checkbox") {
                dirty = true;
                save();
            }
        });
        part.addEventListener("focusout", () => { if (dirty) save(); });
        // Leaving or reloading the page before the pause: send what was typed, so nothing is lost.
        window.addEventListener("pagehide", () => { if (dirty) save(true); });
    });

    // The "Opslaan" button with the script on: wait for saves under way, then post the form as without the script.
    let submitting = false;
    form.addEventListener("submit", async (event) => {
        if (submitting) return;
        event.preventDefault();
        const results = await Promise.all(parts.map((settle) => settle()));
        if (results.every(Boolean)) {
            submitting = true;
            form.requestSubmit(event.submitter || undefined);
        }
    });
})();
