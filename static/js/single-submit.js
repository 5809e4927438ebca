// A form marked data-single-submit is sent once: its submit button is disabled after the first
// click (the server also ignores a second copy of the same form).
document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!form.matches("[data-single-submit]")) return;
    if (form.dataset.submitted) {
        event.preventDefault();
        return;
    }
    form.dataset.submitted = "true";
    form.querySelectorAll("button[type=submit]").forEach((button) => {
        button.setAttribute("aria-disabled", "true");
    });
});
