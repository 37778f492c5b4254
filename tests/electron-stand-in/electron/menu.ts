/** Menu: the template is kept as given; there is no menu bar to draw or click here. */
export class Menu {
  constructor(readonly items: unknown[] = []) {}
  static current: Menu | null = null;
  static buildFromTemplate(template: unknown[]): Menu {
    return new Menu(template);
  }
  static setApplicationMenu(menu: Menu | null): void {
    Menu.current = menu;
  }
  static getApplicationMenu(): Menu | null {
    return Menu.current;
  }
}
