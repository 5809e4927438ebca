// Progressive enhancement only: every page works without this file.
document.documentElement.classList.replace("no-js", "js");

document.addEventListener("DOMContentLoaded", () => {
    const toggle = document.querySelector(".main-nav__toggle");
    const list = document.getElementById("main-nav-list");
    if (toggle && list) {
        toggle.hidden = false;
        list.dataset.collapsed = "true";
        toggle.addEventListener("click", () => {
            const expanded = toggle.getAttribute("aria-expanded") === "true";
            toggle.setAttribute("aria-expanded", String(!expanded));
            list.dataset.collapsed = String(expanded);
        });
    }

    // Close the user menu with Escape and give focus back to its summary.
    document.querySelectorAll(".user-menu__details").forEach((details) => {
        details.addEventListener("keydown", (event) => {
            if (event.key === "Escape" && details.open) {
                details.open = false;
                details.querySelector("summary").focus();
            }
        });
    });
});
