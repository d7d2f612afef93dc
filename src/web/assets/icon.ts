// /assets/icon.svg: the tab icon, served locally so the browser's favicon request never 404s.
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#123a63"/><path d="M8 9h16v11H15l-5 4v-4H8z" fill="#fff"/><path d="M12 13h8M12 16h5" stroke="#123a63" stroke-width="2"/></svg>`;
