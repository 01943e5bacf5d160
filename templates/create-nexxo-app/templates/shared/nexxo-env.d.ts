/// <reference types="nexxo/types" />

// Types for CSS Modules, images and other files Nexxo lets you import. Keep this file; add your
// own global declarations in another .d.ts.
